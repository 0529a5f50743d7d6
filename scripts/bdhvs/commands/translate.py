"""`bdhvs translate <page>`: create the Ede file of a Vietnamese page, ready to translate;
``--sync`` records that a stale translation was updated; ``--review`` marks it reviewed."""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "translate", help="Tạo trang tiếng Êđê từ trang tiếng Việt để dịch; ghi nhận cập nhật; đánh dấu đã duyệt")
    parser.add_argument("page", help="trang tiếng Việt, ví dụ huong-dan/cai-dat-vneid (trong docs/vi/)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--sync", action="store_true",
                        help="đã sửa bản dịch theo tiếng Việt mới: ghi lại mã bản tiếng Việt hiện nay (về bản nháp)")
    action.add_argument("--review", metavar="VAI_TRÒ",
                        help='đánh dấu đã duyệt, người duyệt ghi là vai trò, ví dụ "Giáo viên tiếng Êđê trường …"')
    parser.add_argument("--translator", metavar="VAI_TRÒ", help="vai trò người dịch (khi tạo trang)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.i18n import workflow
    from bdhvs.i18n.frontmatter import PageError
    from bdhvs.i18n.project import Project

    project = Project.default()
    source = project.normalise_page(args.page)
    try:
        if args.sync:
            path = workflow.sync(project, source)
            print(f"Đã ghi nhận: docs/ede/{source} dịch theo bản tiếng Việt hiện nay. Trang trở về bản nháp; "
                  f"nhờ người biết tiếng Êđê duyệt rồi chạy: bdhvs translate {source} --review \"<vai trò>\"")
        elif args.review:
            path = workflow.review(project, source, args.review)
            print(f"Đã đánh dấu docs/ede/{source} là đã duyệt ({args.review}). Trang sẽ hiện cho người dân. "
                  "Chạy 'bdhvs translations --words' để cập nhật danh sách từ Êđê.")
        else:
            path = workflow.create(project, source, translator=args.translator)
            print(f"Đã tạo {path.relative_to(project.root)}: thay từng khối \"Cần dịch\" bằng bản tiếng Êđê, "
                  "bỏ { .can-dich } ở tiêu đề đã dịch. Xem thử: BDHVS_PREVIEW=1 make serve")
        return 0
    except PageError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
