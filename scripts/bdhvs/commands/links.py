"""`bdhvs links`: check every external link of the guides on the real internet.

Run by the weekly GitHub workflow (.github/workflows/links.yml); never by `make test`
(no internet there). Prints findings (EXT-…) and can write the Markdown body of the
issue that lists dead links.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs import settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("links", help="Kiểm tra liên kết ra ngoài (cần Internet; chạy hằng tuần trên GitHub)")
    parser.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục (mặc định: docs/)")
    parser.add_argument("--report", type=Path, metavar="TỆP", help="ghi báo cáo Markdown (nội dung issue) vào tệp này")
    parser.add_argument("--timeout", type=float, default=15.0, help="giây chờ mỗi lần hỏi (mặc định 15)")
    parser.add_argument("--retries", type=int, default=2, help="số lần thử lại khi lỗi tạm thời (mặc định 2)")
    parser.add_argument("--workers", type=int, default=4, help="số liên kết kiểm tra cùng lúc (mặc định 4)")
    parser.add_argument("--cache", type=Path, default=settings.CACHE_DIR / "links.json", help="tệp lưu kết quả tốt")
    parser.add_argument("--no-cache", action="store_true", help="không dùng kết quả đã lưu")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.checks import external
    from bdhvs.checks.codes import finding
    from bdhvs.findings import report

    paths = [Path(p) for p in args.paths] or [settings.DOCS_DIR]
    places = external.collect_urls(paths)
    checker = external.Checker(timeout=args.timeout, retries=args.retries, workers=args.workers,
                               cache_path=None if args.no_cache else args.cache)
    results = checker.check_all(places)
    findings = []
    for url, result in results.items():
        if result.code:
            detail = f"chuyển hẳn tới {result.final_url}" if result.outcome == "redirect" else \
                f"{result.status or ''} {result.error}".strip()
            for file, line, col in places[url]:
                findings.append(finding(file, line, col, result.code, f"{url}: {detail}"))
    if args.report:
        args.report.write_text(external.markdown_report(results, places), encoding="utf-8")
    errors = report(findings)
    print(f"Đã kiểm tra {len(results)} liên kết ngoài: {errors} lỗi, {len(findings) - errors} cảnh báo.")
    return 1 if errors else 0
