"""QR codes for printed handouts, generated at build time as inline SVG (segno)."""
from __future__ import annotations

import hashlib
import io
from urllib.parse import urlsplit

import segno

from bdhvs import settings

# Choosing the best QR mask costs ~10 ms a page (most of a build's time at 1,000 guides):
# the SVG of each (url, label) is kept on disk, like Material's own plugin caches.
CACHE_DIR = settings.CACHE_DIR / "qr"


def qr_svg(url: str, *, label: str) -> str:
    """An inline ``<svg>`` QR code that opens ``url``; ``label`` is its accessible name.

    Error correction "M" survives a smudged photocopy; the quiet zone is 2 modules
    because the handout prints it on white paper with a margin around it.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"QR code needs an absolute http(s) URL, got {url!r}")
    key = hashlib.sha256(f"{segno.__version__}\n{url}\n{label}".encode("utf-8")).hexdigest()
    cached = CACHE_DIR / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = _render(url, label)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{key[:8]}.tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass  # a read-only checkout still builds, just slower
    return svg


def _render(url: str, label: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=False, nl=False, omitsize=True, border=2,
        svgclass="bdhvs-qr", lineclass=None, title=label,
    )
    svg = buffer.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="' + _attr(label) + '" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def online_url(site_url: str, page_url: str) -> str:
    """The public web address of a page, whatever the build's URL style.

    The offline bundle is built with ``use_directory_urls: false`` (``a/b.html``); the
    handout must still point at the published address (``a/b/``).
    """
    if not site_url:
        raise ValueError("site_url is empty: set it in mkdocs.yml or with SITE_URL")
    path = page_url
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return site_url.rstrip("/") + "/" + path.lstrip("/")
