"""The site served like production for measurements (Lighthouse): the deploy module's
headers (bdhvs.deploy.headers, the same as the shipped nginx/Apache configs) plus gzip
level 6 for text, as nginx.conf does (gzip_comp_level 6)."""
from __future__ import annotations

import functools
import gzip
import http.server
import os
from pathlib import Path

from bdhvs.deploy import headers
from bdhvs.deploy.serve import LoopbackServer, SiteHandler


class GzipMixin:
    """gzip -6 for compressible types, like the shipped nginx config."""

    def do_GET(self):  # noqa: N802 - http.server naming
        url_path = self.path.split("?", 1)[0]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                return super().do_GET()  # redirects to the URL with a slash
            path = os.path.join(path, "index.html")
        ctype = headers.mime_type(path)
        if not (os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")
                and ctype.split(";")[0] in headers.COMPRESSIBLE):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class GzipSiteHandler(GzipMixin, SiteHandler):
    """Our site: the production headers (CSP...) and gzip."""


class PlainGzipHandler(GzipMixin, http.server.SimpleHTTPRequestHandler):
    """Plain Material: gzip only (our CSP would block its inline scripts and Google Fonts)."""

    def log_message(self, *args):
        pass


class GzipSiteServer(LoopbackServer):
    """Serve ``root`` on 127.0.0.1 with gzip (and production headers unless ``plain``)."""

    def __init__(self, root: Path, *, plain: bool = False):
        if plain:
            handler = functools.partial(PlainGzipHandler, directory=str(root))
        else:
            handler = functools.partial(GzipSiteHandler, directory=str(root), prefix="/")
        super().__init__(handler)
