"""`bdhvs cms`: the browser editor on this machine, in one command.

Builds the site (with /admin/) into .cache/bdhvs/cms-site, starts decap-server (the
Decap CMS proxy that writes straight into docs/ and data/ of THIS folder) and the site on
127.0.0.1, then opens http://127.0.0.1:<port>/admin/ in the browser. Ctrl+C stops both.
Nothing leaves the machine; to publish, commit and open a pull request as usual (or use
the editor on the published site, GitHub backend: docs-dev/cms.md).
"""
from __future__ import annotations

import os
import signal
import sys
import time
import webbrowser


def _stop(*_args):
    raise KeyboardInterrupt


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "cms", help="Mở trình biên tập trên trình duyệt (/admin/) để sửa bài ngay trên máy này",
        description="Dựng trang, chạy trình biên tập (Decap CMS) và mở nó trong trình duyệt. "
                    "Bài sửa được lưu thẳng vào docs/ và data/ của thư mục này. Ctrl+C để dừng.")
    parser.add_argument("--port", type=int, default=8010, help="cổng của trang (mặc định 8010)")
    parser.add_argument("--proxy-port", type=int, default=8081, help="cổng của decap-server (mặc định 8081)")
    parser.add_argument("--git", action="store_true",
                        help="mỗi lần lưu là một commit git; có quy trình Bản nháp → Đang duyệt → Sẵn sàng "
                             "(mỗi bài một nhánh cms/…)")
    parser.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.audit import node_tools
    from bdhvs.checks.runner import build_site
    from bdhvs.cms import bundle, config, content_errors, feature, gitmode
    from bdhvs.cms.local import Proxy, ProxyError
    from bdhvs.deploy.serve import SiteServer

    try:
        node_tools.ensure_installed(node_tools.CMS)
    except (node_tools.ToolMissing, OSError) as exc:
        print(f"{exc}\nKhông có npm thì vẫn sửa bài được bằng tệp Markdown (xem CONTRIBUTING.md).", file=sys.stderr)
        return 2
    if not bundle.available():
        print("Chưa cài được trình biên tập (Decap CMS). Chạy: cd tools/cms && npm ci --ignore-scripts", file=sys.stderr)
        return 2
    base_branch = None
    if args.git:
        refusal = gitmode.refusal(settings.ROOT)
        if refusal:
            print(refusal, file=sys.stderr)
            return 2
        base_branch = gitmode.current_branch(settings.ROOT)
        _say_removed(gitmode.remove_empty_branches(settings.ROOT, base_branch))
    site = settings.CACHE_DIR / "cms-site"
    proxy = Proxy(settings.ROOT, port=args.proxy_port, mode="git" if args.git else "fs", log_level="info")
    os.environ[config.PROXY_ENV] = proxy.url
    print("• Dựng trang …", flush=True)
    code, output = build_site(site, settings.ROOT)
    if code != 0:
        # The editor is how a staff member fixes what they saved: it opens anyway, with
        # the errors listed; only the citizens' pages are missing from this local copy.
        content_errors.report(output, code)
        feature.write_admin(site)
    # `kill` (SIGTERM) stops like Ctrl+C: decap-server is stopped too, never left running.
    signal.signal(signal.SIGTERM, _stop)
    try:
        proxy.start()
    except ProxyError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        with SiteServer(site, port=args.port) as server:
            url = server.url + "admin/"
            print(f"Trình biên tập: {url}\nBấm “Đăng nhập” (không cần mật khẩu trên máy này). Ctrl+C để dừng.",
                  flush=True)
            if not args.no_browser:
                webbrowser.open(url)
            while proxy.proc and proxy.proc.poll() is None:
                time.sleep(0.5)
            print("decap-server đã dừng.", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("Đã dừng.")
        return 0
    finally:
        proxy.stop()
        if base_branch:
            _say_removed(gitmode.remove_empty_branches(settings.ROOT, base_branch))


def _say_removed(branches: list[str]) -> None:
    if branches:
        print("Đã xoá nhánh trống (không có bài sửa nào): " + ", ".join(branches), flush=True)
