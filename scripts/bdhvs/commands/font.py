"""`bdhvs font`: regenerate the self-hosted Ede font subset."""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("font", help="Tạo lại phông chữ Noto Sans rút gọn cho chữ Êđê")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import fonts

    if not fonts.SOURCE_FONT.exists():
        print(f"Không thấy {fonts.SOURCE_FONT}. Cài gói Debian: apt-get install fonts-noto-core")
        return 2
    out = fonts.build()
    print(f"Đã tạo {out} ({out.stat().st_size:,} byte)")
    return 0
