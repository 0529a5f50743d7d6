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
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.search.bench import format_table, run_search_bench

    rows = run_search_bench(args.guides, keep=args.keep, reuse=args.reuse)
    print(format_table(rows))
    return 0
