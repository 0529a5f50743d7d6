"""A local web server that serves a built site EXACTLY as the shipped nginx/Apache configs
do: same headers (headers.py), same MIME types, optional sub-path, the site's 404 page,
no directory listings. Used by the browser tests and by `bdhvs bundle`'s launcher check."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.parse
from pathlib import Path

from bdhvs.deploy import headers


def normalize_prefix(prefix: str) -> str:
    """A URL sub-path as ``/a/b/`` (``/`` for the root), whatever slashes it came with."""
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def __init__(self, *args, directory: str, prefix: str = "/", **kwargs):
        self.prefix = normalize_prefix(prefix)
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, *args):  # quiet in tests
        pass

    def _site_path(self) -> str | None:
        """The path inside the site, or None when the request is outside the sub-path."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if self.prefix != "/" and path == self.prefix.rstrip("/"):
            return ""  # /sub -> redirect to /sub/ below
        if not path.startswith(self.prefix):
            return None
        return "/" + path[len(self.prefix):]

    def translate_path(self, path):
        inner = self._site_path()
        if inner is None:
            return os.path.join(self.directory, ".bdhvs-outside-sub-path", "missing")
        return super().translate_path(inner or "/")

    def list_directory(self, path):  # like `autoindex off`
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory, "404.html")
        if code != 404 or not page.is_file() or self.command not in {"GET", "HEAD"}:
            return super().send_error(code, message, explain)
        body = page.read_bytes()  # the site's own 404 page, like `error_page 404`
        self.send_response(404)
        self.send_header("Content-Type", headers.mime_type("/404.html"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def guess_type(self, path):
        return headers.mime_type(str(path))

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def end_headers(self):
        if getattr(self, "_status", 200) < 300:
            self.send_header("Cache-Control", headers.cache_control(self._site_path() or "/"))
        else:
            self.send_header("Cache-Control", "no-cache")
        for name, value in headers.security_headers(self._site_path() or "/").items():
            self.send_header(name, value)
        super().end_headers()


class LoopbackServer:
    """An HTTP server on 127.0.0.1 (a free port unless given), serving in a thread;
    ``url`` is where the site starts. The one base for every local server of the project."""

    prefix = "/"

    def __init__(self, handler, port: int = 0):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class SiteServer(LoopbackServer):
    """Serve ``root`` on 127.0.0.1 under ``prefix`` with the production headers, in a thread."""

    def __init__(self, root: Path, prefix: str = "/", port: int = 0):
        self.root, self.prefix = Path(root), normalize_prefix(prefix)
        super().__init__(functools.partial(SiteHandler, directory=str(self.root), prefix=self.prefix), port)
