"""`bdhvs bundle`: a zip of the whole site that opens without internet (USB stick)."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("bundle", help="Đóng gói cả trang thành tệp .zip dùng không cần mạng (chép vào USB)")
    p.add_argument("--out", default=None, help="thư mục ghi tệp zip (mặc định: dist/)")
    p.add_argument("--pdf", action="store_true", help="kèm bản PDF của các hướng dẫn (cần Chromium)")
    p.add_argument("--folder", default=None, help="chỉ tạo thư mục (không nén) tại đường dẫn này")
    p.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.classroom import bundle, handouts
    from bdhvs.browser import BrowserMissing

    root = settings.ROOT
    work = Path(tempfile.mkdtemp(prefix="bdhvs-bundle-"))
    try:
        site = work / "site"
        print("• Dựng trang với liên kết tới tệp (mở được không cần máy chủ) …", flush=True)
        bundle.build_offline_site(site, root=root)
        print("• Tạo chỉ mục tìm kiếm dùng không cần mạng …", flush=True)
        bundle.add_offline_search(site)
        if args.pdf:
            print("• In các hướng dẫn ra PDF …", flush=True)
            handouts.render(site)
            handouts.link_pdfs(site)
        site_url = bundle.site_url_of(root)
        if args.folder:
            dest = Path(args.folder)
            if dest.exists():
                print(f"{dest} đã có. Hãy xoá hoặc chọn thư mục khác.", file=sys.stderr)
                return 2
            bundle.assemble(site, dest, site_url=site_url)
            print(f"Đã tạo thư mục {dest}. Mở tệp {dest / bundle.OPENER}.")
            return 0
        folder = bundle.assemble(site, work / bundle.FOLDER, site_url=site_url)
        out = Path(args.out) if args.out else root / "dist"
        zip_path = bundle.write_zip(folder, out / f"{bundle.FOLDER}.zip")
        size = zip_path.stat().st_size / 1024 / 1024
        print(f"Đã tạo {zip_path} ({size:.1f} MB). Chép vào USB; giải nén rồi mở {bundle.FOLDER}/{bundle.OPENER}.")
        return 0
    except (bundle.BundleError, BrowserMissing) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
