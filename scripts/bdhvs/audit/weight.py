"""Page weight: what one page costs a phone on its first visit, compressed as a web server
sends it. Pure functions over recorded responses (no browser here).

How bytes are counted (the budget in settings.PAGE_BUDGET_BEFORE_IMAGES):
- text (HTML, CSS, JS, JSON, SVG...) as gzip level 6, the default of zlib/Apache and the
  level the shipped server configs use; brotli (quality 11, pre-compressed files) is
  reported beside it. GitHub Pages serves gzip, so gzip is the budget.
- fonts (woff2), images, audio, video: as they are (already compressed).
- "before images" = everything except images and media.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import brotli

KINDS = ("html", "css", "js", "font", "image", "media", "other")
NOT_BEFORE_IMAGES = {"image", "media"}


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str
    raw: int
    gzip: int
    brotli: int
    third_party: bool = False


def kind_of(url: str, content_type: str = "") -> str:
    ctype = content_type.split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    if ctype == "text/html" or path.endswith((".html", "/")):
        return "html"
    if ctype == "text/css" or path.endswith(".css"):
        return "css"
    if "javascript" in ctype or path.endswith((".js", ".mjs")):
        return "js"
    if ctype.startswith("font/") or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    if ctype.startswith("image/") or path.endswith((".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg", ".ico")):
        return "image"
    if ctype.startswith(("video/", "audio/")) or path.endswith((".mp4", ".webm", ".mp3", ".m4a", ".ogg", ".vtt")):
        return "media"
    return "other"


def is_compressible(kind: str, content_type: str = "") -> bool:
    if kind in {"html", "css", "js"}:
        return True
    ctype = content_type.split(";")[0].strip().lower()
    return ctype in {"image/svg+xml", "application/json", "application/xml", "text/plain", "text/vtt",
                     "application/wasm", "application/manifest+json"}


def measure(url: str, body: bytes, content_type: str = "", *, origin: str = "") -> Resource:
    kind = kind_of(url, content_type)
    if is_compressible(kind, content_type):
        gz = len(gzip.compress(body, compresslevel=6, mtime=0))
        br = len(brotli.compress(body, quality=11))
    else:
        gz = br = len(body)
    third = bool(origin) and not url.startswith(origin) and not url.startswith(("data:", "blob:", "about:"))
    return Resource(url, kind, len(body), gz, br, third)


@dataclass
class PageWeight:
    resources: list[Resource] = field(default_factory=list)
    blocked_third_party: list[str] = field(default_factory=list)  # attempted, refused by us
    inspected: object = None  # whatever the caller's inspect(page) returned

    def by_kind(self, kind: str, measure_: str = "gzip") -> int:
        return sum(getattr(r, measure_) for r in self.resources if r.kind == kind)

    def before_images(self, measure_: str = "gzip") -> int:
        return sum(getattr(r, measure_) for r in self.resources if r.kind not in NOT_BEFORE_IMAGES)

    def total(self, measure_: str = "gzip") -> int:
        return sum(getattr(r, measure_) for r in self.resources)

    @property
    def requests(self) -> int:
        return len(self.resources) + len(self.blocked_third_party)

    @property
    def third_party(self) -> list[str]:
        return [r.url for r in self.resources if r.third_party] + list(self.blocked_third_party)

    def describe(self, measure_: str = "gzip") -> str:
        lines = [f"{getattr(r, measure_):>8,}  {r.kind:<6} {r.url}" for r in self.resources]
        lines += [f"{'blocked':>8}  3rd    {u}" for u in self.blocked_third_party]
        return "\n".join(lines)
