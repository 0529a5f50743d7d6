"""`bdhvs font`: regenerate the self-hosted Ede font subset and the two drawing fonts."""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("font", help="Tạo lại phông chữ Noto Sans rút gọn cho chữ Êđê và phông vẽ hình minh hoạ")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import fonts

    needed = [fonts.SOURCE_FONT, *(fonts.SOURCE_DIR / name for name in fonts.DRAWING_FONTS)]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        print(f"Không thấy {', '.join(missing)}. Cài gói Debian: apt-get install fonts-noto-core")
        return 2
    for out in (fonts.build(), *fonts.build_drawing_fonts()):
        print(f"Đã tạo {out} ({out.stat().st_size:,} byte)")
    return 0
