"""Encoding: no metadata, deterministic bytes, under a byte budget.

Drawings (our sketches: a few flat colours, anti-aliased by a 2x2 average) go straight
to lossless WebP at a low encoder effort when it fits the budget: on every sketch of the
guides that is 26-38 % smaller than lossy WebP at quality 85, crisp, and takes ~20 ms
instead of ~85 ms for the comparison below (tests/media/test_encode_choice.py checks
both on the real sketches).

Screenshots and photos: lossless WebP when it fits the budget and costs at most 25 % more
than lossy WebP at quality 85 (tried only when a fast lossless pass says it could);
otherwise lossy WebP at falling quality; if even the lowest quality is over budget the
image is scaled down by 15 % steps. The same pixels and the same Pillow/libwebp give
the same bytes (no timestamps, no metadata, fixed encoder settings).

PNG is not a candidate: optimised PNG came out 2-40x bigger than lossless WebP on every
kind of picture we publish (sketches, synthetic and real-size screenshots, flat bars,
tiny images), and every phone browser our readers use shows WebP.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

LOSSY_QUALITIES = (85, 78, 70, 62, 54, 46)
MIN_WIDTH = 240
LOSSLESS_PREMIUM = 1.25
# A fast lossless pass (method 1, effort 0) comes out at most ~15 % bigger than the full
# one (method 4, effort 80: 3-5x slower) on our screenshots. When even PROBE_SLACK times
# the allowed size is smaller than the fast pass, the full pass cannot win and is skipped.
PROBE_SLACK = 1.3


@dataclass
class Encoded:
    data: bytes
    format: str  # "webp"
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


def encode(image: Image.Image, budget: int) -> Encoded:
    image = _clean(image)
    while True:
        good = _webp(image, lossless=False, quality=LOSSY_QUALITIES[0])
        allowed = min(budget, LOSSLESS_PREMIUM * len(good))
        if len(_webp(image, lossless=True, quality=0, method=1)) <= PROBE_SLACK * allowed:
            best = Encoded(_webp(image, lossless=True, quality=80), "webp", *image.size, True)
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
