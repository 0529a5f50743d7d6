"""`bdhvs bench`: build the site and plain Material on the same content, print one table."""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "bench", help="Đo dung lượng, yêu cầu mạng, Lighthouse, axe, lỗi HTML và thời gian dựng; so với Material mặc định")
    parser.add_argument("--guides", type=int, default=1000,
                        help="số hướng dẫn giả lập (từ các bài thật) cho phép đo khi trang lớn lên: dung lượng trang "
                             "hướng dẫn, trang chủ, chỉ mục tìm kiếm, thời gian dựng (0 = bỏ qua; mặc định 1000)")
    parser.add_argument("--scale", action="store_true",
                        help="chỉ đo khi trang lớn lên (--guides hướng dẫn): trang hôm nay, trang có thêm các hướng "
                             "dẫn đó và Material mặc định trên cùng các trang; in một bảng")
    parser.add_argument("--no-lighthouse", action="store_true", help="bỏ qua Lighthouse (nhanh hơn)")
    parser.add_argument("--no-audits", action="store_true", help="bỏ qua axe và Nu Html Checker")
    parser.add_argument("--no-search", action="store_true", help="bỏ qua phép đo tìm kiếm")
    parser.add_argument("--keep", type=Path, help="giữ các trang đã dựng trong thư mục này")
    parser.add_argument("--no-write", action="store_true", help="không ghi docs-dev/bench.md")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs.audit.node_tools import ToolMissing
    from bdhvs.bench import report
    from bdhvs.bench.sites import BuildFailed

    try:
        if args.scale:
            from bdhvs.bench import scale

            print(scale.run(args.guides or 1000, work=args.keep))
            return 0
        table, _ = report.run(guides=args.guides, lighthouse=not args.no_lighthouse, audits=not args.no_audits,
                              search=not args.no_search, keep=args.keep)
    except (BuildFailed, ToolMissing) as exc:
        print(exc)
        return 2
    print()
    print(table)
    if not args.no_write:
        print(f"\nĐã ghi {report.write_markdown(table)}")
    return 0
