"""QR codes for printed handouts, generated at build time as inline SVG (segno)."""
from __future__ import annotations

import io
from urllib.parse import urlsplit

import segno


def qr_svg(url: str, *, label: str) -> str:
    """An inline ``<svg>`` QR code that opens ``url``; ``label`` is its accessible name.

    Error correction "M" survives a smudged photocopy; the quiet zone is 2 modules
    because the handout prints it on white paper with a margin around it.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"QR code needs an absolute http(s) URL, got {url!r}")
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
