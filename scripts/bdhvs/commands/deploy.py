"""`bdhvs deploy`: publish the built site to the commune web server as a new release.

    bdhvs deploy                       # site/ -> $BDHVS_DEPLOY_TARGET, switch `current`
    bdhvs deploy --target /srv/bdhvs   # a folder on this machine
    bdhvs deploy --rollback            # back to the previous release
    bdhvs deploy --list                # releases on the server, the live one marked
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "deploy", help="Đưa trang đã dựng lên máy chủ của xã (bản mới, chuyển đổi an toàn, quay lại được)",
        description="Tải thư mục site/ lên máy chủ vào releases/<thời-điểm>/, kiểm tra đủ tệp rồi mới chuyển "
                    "liên kết current sang bản mới. Cấu hình bằng biến môi trường BDHVS_DEPLOY_*.")
    p.add_argument("--target", help="user@máy:/thư/mục hoặc một thư mục trên máy này (mặc định: $BDHVS_DEPLOY_TARGET)")
    p.add_argument("--site", default=None, help="thư mục trang đã dựng (mặc định: site/)")
    p.add_argument("--keep", type=int, default=None, help="số bản giữ lại (mặc định: $BDHVS_DEPLOY_KEEP hoặc 5)")
    p.add_argument("--id", default=None, help="tên bản phát hành (mặc định: thời điểm UTC + mã git)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--rollback", action="store_true", help="quay lại bản trước bản đang chạy")
    g.add_argument("--to", default=None, help="với --rollback: quay lại đúng bản này")
    g.add_argument("--list", action="store_true", help="liệt kê các bản trên máy chủ")
    p.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.deploy import releases as rel

    key_file = None
    target = None
    try:
        target = rel.target_from_env(args.target)
        key_file = rel.write_key_from_env()
        if key_file and not target.identity:
            target.identity = key_file
        if args.list:
            st = rel.state(target)
            for name in st.releases:
                print(("* " if name == st.live else "  ") + name)
            if not st.releases:
                print(f"Chưa có bản nào trên {target.describe()}.")
            return 0
        if args.rollback or args.to:
            live = rel.rollback(target, args.to)
            print(f"Đã quay lại bản {live} trên {target.describe()}.")
            return 0
        site = Path(args.site) if args.site else Path(os.environ.get("SITE_DIR") or settings.SITE_DIR)
        keep = args.keep if args.keep is not None else int(os.environ.get("BDHVS_DEPLOY_KEEP", "5"))
        rid = args.id or rel.release_id(revision=rel.git_revision(settings.ROOT))
        print(f"• Tải {site} lên {target.describe()}/releases/{rid} …", flush=True)
        rel.publish(target, site, rid=rid, keep=max(keep, 1))
        print(f"Đã xong: {target.describe()}/current → releases/{rid} (giữ {max(keep, 1)} bản gần nhất).")
        return 0
    except rel.DeployError as exc:
        print(f"Lỗi triển khai: {exc}", file=sys.stderr)
        return 1
    finally:
        if target is not None:
            target.close()
        if key_file:
            os.unlink(key_file)
