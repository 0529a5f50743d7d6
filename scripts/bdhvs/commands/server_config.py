"""`bdhvs server-config`: write deploy/nginx.conf and deploy/apache.htaccess from the one policy."""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("server-config", help="Tạo tệp cấu hình nginx và Apache (.htaccess) cho máy chủ của xã")
    p.add_argument("--site-url", default=None, help="địa chỉ trang, ví dụ https://xa.gov.vn/binh-dan-hoc-vu-so/")
    p.add_argument("--base", default=None, help="thư mục triển khai trên máy chủ (mặc định /var/www/bdhvs)")
    p.add_argument("--out", default=None, help="thư mục ghi tệp (mặc định deploy/)")
    p.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.deploy import serverconf

    out = Path(args.out) if args.out else settings.ROOT / "deploy"
    out.mkdir(parents=True, exist_ok=True)
    files = serverconf.render_all(args.site_url or serverconf.DEFAULT_SITE_URL, args.base or serverconf.DEFAULT_BASE)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"Đã ghi {out / name}")
    return 0
