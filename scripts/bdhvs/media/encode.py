"""Encoding: no metadata, deterministic bytes, under a byte budget.

Candidates: lossless WebP or PNG (PNG only when smaller than the WebP), kept when it
fits the budget and costs at most 25 % more than lossy WebP at quality 85 (tried only
when a fast lossless pass says it could); otherwise
lossy WebP at falling quality; if even the lowest quality is over budget the
image is scaled down by 15 % steps. The same pixels and the same Pillow/libwebp give
the same bytes (no timestamps, no metadata, fixed encoder settings).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

LOSSY_QUALITIES = (85, 78, 70, 62, 54, 46)
MIN_WIDTH = 240
LOSSLESS_PREMIUM = 1.25
# A fast lossless pass (method 1, effort 0: ~0.07 s for a 720 px image) comes out at most
# ~15 % bigger than the full one (method 4: ~0.25 s) on our sketches and screenshots. When
# even PROBE_SLACK times the allowed size is smaller than the fast pass, the full pass (and
# PNG) cannot win, and is skipped: most of a cold build's image time.
PROBE_SLACK = 1.3


@dataclass
class Encoded:
    data: bytes
    format: str  # "webp" | "png"
    width: int
    height: int
    lossless: bool
    quality: int | None = None

    @property
    def extension(self) -> str:
        return "." + self.format


def _clean(image: Image.Image) -> Image.Image:
    """A fresh RGB image from the pixels only: no EXIF, XMP, GPS, ICC, text chunks."""
    return Image.frombytes("RGB", image.size, image.convert("RGB").tobytes())


def _webp(image: Image.Image, *, lossless: bool, quality: int, method: int | None = None) -> bytes:
    out = io.BytesIO()
    if method is None:
        method = 6 if not lossless else 4
    image.save(out, "WEBP", lossless=lossless, quality=quality, method=method,
               exact=False, icc_profile=None, exif=b"", xmp=b"")
    return out.getvalue()


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def encode(image: Image.Image, budget: int, *, allow_lossless: bool = True) -> Encoded:
    image = _clean(image)
    while True:
        good = _webp(image, lossless=False, quality=LOSSY_QUALITIES[0])
        allowed = min(budget, LOSSLESS_PREMIUM * len(good))
        if allow_lossless and len(_webp(image, lossless=True, quality=0, method=1)) <= PROBE_SLACK * allowed:
            best = Encoded(_webp(image, lossless=True, quality=80), "webp", *image.size, True)
            if len(best.data) <= budget * 1.5:  # PNG rarely wins; try it only when it could matter
                png = _png(image)
                if len(png) < len(best.data):
                    best = Encoded(png, "png", *image.size, True)
            # Lossless only when it fits and costs at most 25 % more than good lossy.
            if len(best.data) <= allowed:
                return best
        if len(good) <= budget:
            return Encoded(good, "webp", *image.size, False, LOSSY_QUALITIES[0])
        low = _webp(image, lossless=False, quality=LOSSY_QUALITIES[-1])
        if len(low) <= budget:
            for quality in LOSSY_QUALITIES[1:-1]:
                data = _webp(image, lossless=False, quality=quality)
                if len(data) <= budget:
                    return Encoded(data, "webp", *image.size, False, quality)
            return Encoded(low, "webp", *image.size, False, LOSSY_QUALITIES[-1])
        if image.width <= MIN_WIDTH:
            return Encoded(low, "webp", *image.size, False, LOSSY_QUALITIES[-1])  # caller reports over budget
        # Too big even at the lowest quality: scale down (bytes grow roughly with the area).
        ratio = min(0.85, 0.95 * (budget / len(low)) ** 0.5)
        new_w = max(MIN_WIDTH, int(image.width * ratio))
        image = image.resize((new_w, max(1, round(image.height * new_w / image.width))), Image.Resampling.LANCZOS)
