"""`bdhvs translations`: translation status of every page (table, stale diffs, wanted
glossary terms) and the Ede spell-check word list."""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "translations", help="Tình trạng bản dịch tiếng Êđê: đã dịch, bản cũ, bản nháp, chưa dịch")
    parser.add_argument("--stale", action="store_true",
                        help="chỉ rõ tiếng Việt đã thay đổi gì từ lúc dịch (so sánh từng dòng)")
    parser.add_argument("--glossary", action="store_true",
                        help="liệt kê thuật ngữ và chữ giao diện đang cần người biết tiếng Êđê dịch")
    parser.add_argument("--words", action="store_true",
                        help="tạo lại data/words-ede.txt (từ Êđê có nguồn và trang đã duyệt)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.i18n import report, status, words
    from bdhvs.i18n.frontmatter import PageError
    from bdhvs.i18n.project import Project

    project = Project.default()
    try:
        if args.words:
            count, changed = words.write(project)
            print(f"{'Đã cập nhật' if changed else 'Không thay đổi'}: data/words-ede.txt ({count} từ).")
            return 0
        if args.glossary:
            print(report.glossary_text(project))
            ui = report.wanted_ui(project)
            print(f"\n{len(ui)} chữ giao diện chưa có bản tiếng Êđê đã duyệt (data/ede-ui.yml):")
            for item in ui:
                extra = f" — có nguồn, chưa duyệt: {item.ede}" if item.ede else ""
                print(f"  - {item.key}: {item.vi}{extra}")
            return 0
        entries = status.scan(project, strict=True)
        if args.stale:
            return _stale(project, entries)
        print(report.table(entries))
        print()
        print(report.summary(entries))
        return 0
    except PageError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2


def _stale(project, entries) -> int:
    from bdhvs.i18n import status

    stale = [e for e in entries if e.state == "stale"]
    if not stale:
        print("Không có bản dịch nào cũ: mọi bản dịch đều làm từ bản tiếng Việt hiện nay.")
        return 0
    for e in stale:
        print(f"== docs/ede/{e.source}: bản dịch cũ ==")
        diff = status.stale_diff(project, e) if e.recorded_hash else None
        if diff is None:
            print("Không tìm được bản tiếng Việt lúc dịch (thiếu data/translation-base/"
                  f"{e.source} và lịch sử git). So sánh cả trang docs/vi/{e.source} với bản dịch.")
        else:
            print(diff, end="")
        print(f"Sửa bản dịch xong, chạy: bdhvs translate --sync {e.source}\n")
    return 1
