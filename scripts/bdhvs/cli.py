"""The `bdhvs` command. Dispatch only: each subcommand lives in its own module,
which defines ``register(subparsers)`` adding a parser whose ``func(args) -> int`` runs it.

Any unexpected exception is turned into a Vietnamese message (no traceback for
editors); set BDHVS_DEBUG=1 to see the traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# One line per subcommand module, in the order shown by `bdhvs --help`.
COMMAND_MODULES = [
    "bdhvs.commands.check",
    "bdhvs.commands.links",
    "bdhvs.commands.sentences",
    "bdhvs.commands.new",
    "bdhvs.commands.handouts",
    "bdhvs.commands.bundle",
    "bdhvs.commands.deploy",
    "bdhvs.commands.server_config",
    "bdhvs.commands.font",
    "bdhvs.commands.images",
    "bdhvs.commands.translations",
    "bdhvs.commands.translate",
    "bdhvs.commands.cms",
    "bdhvs.commands.inbox",
    "bdhvs.commands.search_bench",
    "bdhvs.commands.bench",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bdhvs",
        description="Công cụ của trang Bình dân học vụ số Krông Á: kiểm tra, dựng ảnh, dịch, in, đóng gói, triển khai.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stderr.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # `bdhvs … | head`: the reader went away, not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last-resort message for non-programmers
        if os.environ.get("BDHVS_DEBUG"):
            raise
        print(
            f"Lỗi không mong đợi khi chạy 'bdhvs {args.command}': {exc.__class__.__name__}: {exc}\n"
            "Nội dung của bạn không bị thay đổi. Hãy chụp màn hình thông báo này và gửi cho nhóm kỹ thuật "
            "(đặt BDHVS_DEBUG=1 để xem chi tiết).",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
