"""`bdhvs search-bench`: bytes a phone downloads for search, ours vs Material's lunr."""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "search-bench",
        help="Đo dung lượng tải về khi tìm kiếm: bộ tìm kiếm của trang so với Pagefind và tìm kiếm có sẵn của Material",
        description="Dựng trang hôm nay và một trang thử có nhiều hướng dẫn, mở bằng Chromium thật, "
                    "đo số byte (đã nén) của trang và của lần tìm đầu tiên. In ra một bảng.",
    )
    parser.add_argument("--guides", type=int, default=1000,
                        help="số hướng dẫn thử sinh thêm (mặc định 1000; 0 = chỉ đo trang hôm nay)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="thư mục giữ lại các trang đã dựng để xem (mặc định: xoá sau khi đo)")
    parser.add_argument("--reuse", action="store_true",
                        help="cùng với --keep: không dựng lại các trang đã có trong thư mục đó")
    parser.add_argument("--queries", action="store_true",
                        help="đo chất lượng thay vì dung lượng: gõ từng truy vấn của tests/search/queries.yml vào ô "
                             "tìm kiếm, in tỉ lệ đúng ở vị trí 1, trong 3 kết quả đầu và MRR")
    parser.add_argument("--site", action="append", default=[], metavar="TÊN=THƯ_MỤC",
                        help="cùng với --queries: đo trang đã dựng sẵn ở THƯ_MỤC (lặp lại để so sánh, "
                             "ví dụ --site trước=/tmp/a --site sau=/tmp/b); mặc định dựng trang hôm nay")
    parser.add_argument("--queries-file", type=Path, default=None, metavar="TỆP",
                        help="cùng với --queries: dùng tệp truy vấn khác (ví dụ tests/search/queries-held-out.yml, "
                             "viết sau khi đã chỉnh các quy tắc, để đo trung thực)")
    parser.add_argument("--misses", action="store_true",
                        help="cùng với --queries: liệt kê các truy vấn chưa đúng ở vị trí 1")
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.queries:
        return run_queries(args)
    from bdhvs.search.bench import format_table, run_search_bench

    rows = run_search_bench(args.guides, keep=args.keep, reuse=args.reuse)
    print(format_table(rows))
    return 0


def run_queries(args) -> int:
    from bdhvs.search.quality import format_misses, format_quality_table, run_quality_bench

    sites = {}
    for item in args.site:
        label, sep, folder = item.partition("=")
        if not sep or not folder:
            label, folder = Path(item).name, item
        if not (Path(folder) / "index.html").is_file():
            print(f"Không thấy trang đã dựng ở {folder} (thiếu index.html). Dựng trang trước: "
                  "SITE_DIR=<thư mục> python -m mkdocs build")
            return 2
        sites[label] = Path(folder)
    results = run_quality_bench(sites or None, queries_file=args.queries_file)
    print(format_quality_table(results))
    if args.misses:
        for label, outcomes in results.items():
            print(f"\n{label}: " + format_misses(outcomes))
    return 0
