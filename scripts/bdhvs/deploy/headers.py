"""The ONE definition of how the site is served: security headers, Content-Security-
Policy, MIME types, cache lifetimes and compression. The nginx and Apache configs
(serverconf.py -> deploy/) and the test server (serve.py) are all generated from here.

The CSP allows no inline script: Material's inline head script was moved to
assets/javascripts/md-base.js (overrides/partials/javascripts/base.html), and every
feature loads its code from files. Pagefind compiles WebAssembly, hence
'wasm-unsafe-eval' (it allows WebAssembly compilation only, not JavaScript eval).
"""
from __future__ import annotations

import re

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"  # loaded only after the reader presses play

CSP: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "media-src": ["'self'"],  # blob: only on the contributors' pages (CONTRIB_CSP)
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": [YOUTUBE_PLAYER],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def csp_value(policy: dict[str, list[str]] | None = None) -> str:
    return "; ".join(f"{k} {' '.join(v)}" for k, v in (policy or CSP).items())


# Sent with every response.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": csp_value(),
    "X-Content-Type-Options": "nosniff",
    # YouTube's privacy-enhanced player refuses to play without the site's origin as referrer.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
    # No page for citizens may use the microphone (microphone=(self) only on CONTRIB_PATHS).
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# The contributors' phone pages (docs/vi/bien-tap/, scripts/bdhvs/contrib/; the Ede mirror
# under /ede/bien-tap/): "Dịch và đọc tiếng Êđê" records the step spoken in Ede
# (MediaRecorder -> microphone=(self); frames never get it) and plays the recording back
# before it is packaged (media-src blob:). Only there; every other page keeps microphone=().
CONTRIB_PATHS = ("/bien-tap/", "/ede/bien-tap/")
CONTRIB_CSP: dict[str, list[str]] = {**CSP, "media-src": ["'self'", "blob:"]}
CONTRIB_SECURITY_HEADERS: dict[str, str] = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": csp_value(CONTRIB_CSP),
    "Permissions-Policy": "camera=(), microphone=(self), geolocation=(), payment=(), usb=()",
}

# The browser editor at /admin/ (Decap CMS, scripts/bdhvs/cms/) gets its OWN, looser policy;
# no citizen page loads anything from /admin/. Measured in Chromium (tests/cms/test_csp.py):
# Decap validates its config with Ajv, which compiles validators with `new Function` ->
# script-src 'unsafe-eval' (no inline script: the page loads only its own files); its
# React UI sets inline styles (emotion) -> style-src 'unsafe-inline'; it shows
# uploaded images as blob: URLs; it talks to GitHub's API (production) or to the local
# proxy `bdhvs cms` starts on the editor's own machine (127.0.0.1; Decap only tries it when
# the editor itself was opened from 127.0.0.1/localhost); it reads back its own draft
# uploads with fetch(blob:) -> connect-src blob:.
ADMIN_PATH = "/admin/"
GITHUB_API = "https://api.github.com"
ADMIN_CSP: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", "blob:", GITHUB_API, "http://127.0.0.1:*", "http://localhost:*"],
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_SECURITY_HEADERS: dict[str, str] = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": csp_value(ADMIN_CSP),
    "X-Frame-Options": "DENY",
    "X-Robots-Tag": "noindex, nofollow",
}


def security_headers(path: str) -> dict[str, str]:
    """The security headers for a path inside the site: the editor's under /admin/, the
    contributors' pages' under CONTRIB_PATHS, the citizens' everywhere else."""
    if path.startswith(ADMIN_PATH):
        return ADMIN_SECURITY_HEADERS
    if path.startswith(CONTRIB_PATHS):
        return CONTRIB_SECURITY_HEADERS
    return SECURITY_HEADERS


# HSTS only once the whole host answers on HTTPS with a valid certificate: browsers then
# refuse plain HTTP for a year. Start with a short max-age, raise it when all is well.
HSTS = "max-age=31536000"
HSTS_FIRST = "max-age=300"

MIME_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",  # source maps of Material's bundles
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".vtt": "text/vtt; charset=utf-8",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
    # Pagefind's index files (already compressed by Pagefind itself).
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".webmanifest": "application/manifest+json",
    ".yml": "text/yaml; charset=utf-8",  # the editor's config (admin/config.yml)
}

# Text worth compressing on the fly (Pagefind's files and media are compressed already).
COMPRESSIBLE = ["text/html", "text/css", "text/javascript", "application/json", "application/xml",
                "text/plain", "image/svg+xml", "text/vtt", "application/wasm", "application/manifest+json", "text/yaml"]

YEAR = "public, max-age=31536000, immutable"
# (name, regex on the path inside the site, Cache-Control). First match wins.
CACHE_RULES: list[tuple[str, str, str]] = [
    # Material's bundles carry a content hash: main.57a0d79d.min.css, bundle.a5f9d56c.min.js.
    ("fingerprinted", r"\.[0-9a-f]{8,}\.min\.(?:js|css)$", YEAR),
    # Pagefind names its index chunks and fragments after their content hash.
    ("pagefind-chunks", r"/pagefind/(?:fragment|index)/[^/]+\.pf_(?:fragment|index)$", YEAR),
    # Pages and the files that point at the current build: always revalidate (cheap 304).
    ("documents", r"(?:/|\.html|\.json|\.xml|\.yml|\.pf_meta|\.webmanifest)$", "no-cache"),
    # Our own CSS/JS and Pagefind's loader keep fixed names: short lifetime.
    ("code", r"\.(?:css|js|mjs|wasm|pagefind)$", "public, max-age=3600"),
    # Images, fonts, captions, audio, video, PDFs, the bundle.
    ("media", r".*", "public, max-age=604800"),
]
_COMPILED = [(name, re.compile(rx), value) for name, rx, value in CACHE_RULES]


def cache_control(path: str) -> str:
    """Cache-Control for a request path such as ``/assets/javascripts/bundle.a5f9d56c.min.js``."""
    for _name, rx, value in _COMPILED:
        if rx.search(path):
            return value
    return "no-cache"


def mime_type(path: str) -> str:
    dot = path.rfind(".")
    if dot == -1 or "/" in path[dot:]:
        return "text/html; charset=utf-8"  # a directory URL serves its index.html
    return MIME_TYPES.get(path[dot:].lower(), "application/octet-stream")


def headers_for(path: str) -> dict[str, str]:
    """Every header the site's server sends for ``path`` (besides Content-Length etc.)."""
    return {"Content-Type": mime_type(path), "Cache-Control": cache_control(path), **security_headers(path)}
