"""`bdhvs handouts`: print every guide of the built site to an A4 PDF and list them on
the "Tài liệu in" page (needs Chromium; `make site` does not)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("handouts", help="In mỗi hướng dẫn ra tệp PDF khổ A4 (có mã QR) vào site/tai-lieu-in/")
    p.add_argument("--site", default=None, help="thư mục trang đã dựng (mặc định: site/)")
    p.add_argument("--staff", action="store_true",
                   help="bản cho cán bộ, có ghi chú cho cán bộ: in từ bản xem trước (BDHVS_PREVIEW=1), "
                        "vào thư mục --out, không đưa lên trang web")
    p.add_argument("--out", default=None, help="thư mục tài liệu cho cán bộ (mặc định: tai-lieu-can-bo/)")
    p.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.classroom import handouts
    from bdhvs.browser import BrowserMissing

    site = Path(args.site) if args.site else Path(os.environ.get("SITE_DIR") or settings.SITE_DIR)
    if not (site / "index.html").is_file():
        print(f"Không thấy {site}/index.html. Hãy dựng trang trước: make site", file=sys.stderr)
        return 2
    if not handouts.listing_pages(site):
        print(f"Trang 'Tài liệu in' không có trong {site}. Hãy dựng lại trang: make site", file=sys.stderr)
        return 2
    if args.staff:
        print(f"• In các hướng dẫn kèm ghi chú cho cán bộ (Chromium) từ {site} …", flush=True)
    else:
        print(f"• In các hướng dẫn ra PDF (Chromium) trong {site} …", flush=True)
    try:
        written = handouts.render(site, staff=args.staff, out=Path(args.out) if args.out else None)
    except (BrowserMissing, handouts.HandoutError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.staff:
        where = Path(args.out or handouts.STAFF_DIR)
        print(f"Đã tạo {len(written)} tệp PDF cho cán bộ trong {where}/ (không đưa lên trang web).")
        return 0
    links = handouts.link_pdfs(site)
    print(f"Đã tạo {len(written)} tệp PDF; trang 'Tài liệu in' có {links} liên kết tải về.")
    return 0
