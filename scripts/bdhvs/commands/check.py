"""`bdhvs check [PATH...]`: run every content check and explain each problem in Vietnamese.

Without PATH it checks docs/ and data/ and also builds the site into a temporary folder
to check internal links and anchors (both languages). `--fix` applies only the safe fixes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from bdhvs import settings


# Problems that make building the site pointless or unsafe (broken YAML, unreadable files).
BUILD_BLOCKERS = {"FM-YAML", "FM-UNCLOSED", "FM-NOT-MAPPING", "FILE-BINARY", "FILE-NOT-UTF8", "FILE-TOO-BIG"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="Kiểm tra nội dung: phần đầu trang, liên kết, chính tả, bảng mã, an toàn, riêng tư, kiểu viết",
        description="Kiểm tra các tệp trong docs/ và data/ (hoặc các tệp được chỉ ra). "
                    "Mỗi lỗi in một dòng: tệp:dòng:cột  MÃ  lỗi — cách sửa.")
    parser.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục (mặc định: docs/ và data/)")
    parser.add_argument("--fix", action="store_true",
                        help="tự sửa lỗi an toàn: chuẩn Unicode NFC, chữ font cũ TCVN3/VNI, đặt dấu kiểu mới")
    parser.add_argument("--no-build", action="store_true", help="không dựng trang để kiểm tra liên kết nội bộ (nhanh hơn)")
    parser.add_argument("--site", type=Path, metavar="THƯ_MỤC", help="kiểm tra liên kết trong trang đã dựng sẵn ở thư mục này")
    parser.add_argument("--no-style", action="store_true", help="bỏ qua kiểm tra kiểu viết Markdown")
    parser.add_argument("--docs-dir", type=Path, metavar="THƯ_MỤC",
                        help="thư mục docs khác (mặc định: docs/ của dự án; dùng cho kiểm thử)")
    parser.add_argument("--list-codes", action="store_true", help="in bảng mã lỗi (Markdown) rồi thoát")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.checks import codes, fixes, runner
    from bdhvs.checks.data import load as load_data
    from bdhvs.findings import report

    if args.list_codes:
        print(codes.markdown_table())
        return 0
    options = runner.Options(style=not args.no_style)
    if args.docs_dir:
        options.docs_dir = args.docs_dir.resolve()
        options.root = options.docs_dir.parent
        if (options.root / "data").is_dir():  # the data files of THAT project, not of this one
            options.data_dir = options.root / "data"
    default = not args.paths
    paths = [options.docs_dir, options.data_dir] if default else [Path(p) for p in args.paths]

    if args.fix:
        files, _ = runner.collect(paths)
        data = load_data(options.data_dir)
        total = 0
        for path in files:
            if path.suffix.lower() not in {".md", ".markdown", ".yml", ".yaml", ".txt"}:
                continue
            changes = fixes.fix_file(path, data, root=options.root, docs_dir=options.docs_dir)
            for change in changes:
                print(f"{_rel(path)}:{change.line}  ĐÃ SỬA  {change.what}")
            total += len(changes)
        print(f"Đã sửa {total} chỗ." if total else "Không có gì cần tự sửa.")

    findings = runner.check_paths(paths, options)
    if args.site:
        findings = merge_built(findings, runner.check_built(options, site_dir=args.site))
    elif default and not args.no_build:
        blocking = sorted({f.code for f in findings if f.code in BUILD_BLOCKERS})
        if blocking:
            print(f"Chưa dựng thử trang để kiểm tra liên kết: sửa các lỗi {', '.join(blocking)} trước "
                  "(liên kết tới trang và ảnh trong từng tệp vẫn được kiểm tra ở trên).", file=sys.stderr)
        else:
            findings = merge_built(findings, runner.check_built(options))
    errors = report(findings)
    warnings = len(findings) - errors
    if errors:
        print(f"\n{errors} lỗi, {warnings} cảnh báo. Sửa các lỗi trên rồi chạy lại `bdhvs check`."
              " Giải thích từng mã lỗi: CONTRIBUTING.md.", file=sys.stderr)
        return 1
    print(f"Không có lỗi ({warnings} cảnh báo)." if warnings else "Không có lỗi.", file=sys.stderr)
    return 0


SOURCE_LINK_CODES = {"LINK-BROKEN", "LINK-IMAGE", "LINK-BACKSLASH"}
BUILT_LINK_CODES = {"LINK-MKDOCS", "LINK-BROKEN"}


def merge_built(findings: list, built: list) -> list:
    """Add the built site's findings, without repeating a link the source check already
    reported on the same line (and without the copies of one warning both languages give)."""
    seen = {(f.file, f.line) for f in findings if f.code in SOURCE_LINK_CODES}
    extra = [f for f in built if not (f.code in BUILT_LINK_CODES and (f.file, f.line) in seen)]
    return sorted(set(findings) | set(extra))


def _rel(path: Path) -> str:
    from bdhvs.findings import relative

    return relative(path, settings.ROOT)
