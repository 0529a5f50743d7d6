"""Drawing primitives shared by screenshots and sketches.

Sizes are given in OUTPUT pixels and multiplied by ``scale`` (working resolution /
output resolution), so annotations keep the same visible size whatever the size of
the source, and are drawn at high resolution before the final downsampling
(anti-aliased, crisp edges).

Fonts: Noto Sans Regular and Bold, subset and shipped in ``fonts/`` beside this file
(licence: fonts/OFL.txt; made by `bdhvs font`, bdhvs.fonts): no system font is looked
up, so every machine (Linux, macOS, Windows) draws the same pixels. The font files'
bytes are part of the render cache key, so a different font version re-renders.
"""
from __future__ import annotations

import functools
import hashlib
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

FONT_DIRS = [Path(__file__).resolve().parent / "fonts"]
REGULAR, BOLD = "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"

# Colours: red with a white outline reads on light and dark screens alike.
ACCENT = (200, 30, 30)
OUTLINE = (255, 255, 255)
REDACT_FILL = (40, 40, 48)


class FontMissing(RuntimeError):
    pass


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise FontMissing(
        f"Thiếu tệp phông {name} trong scripts/bdhvs/media/fonts/ (phông đi kèm dự án để vẽ hình minh hoạ). "
        "Lấy lại tệp từ kho: git checkout -- scripts/bdhvs/media/fonts/"
    )


def layout_engine():
    """RAQM places combining marks (Ede ê̆) correctly; fall back to BASIC when absent."""
    return ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


@functools.lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(BOLD if bold else REGULAR)), max(6, int(size)),
                              layout_engine=layout_engine())


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """What changes the drawn pixels besides the inputs: fonts, FreeType, layout engine."""
    digest = hashlib.sha256()
    for name in (REGULAR, BOLD):
        try:
            digest.update(font_path(name).read_bytes())
        except FontMissing:
            digest.update(b"missing")
    digest.update(str(features.version("freetype2")).encode())
    digest.update(str(layout_engine()).encode())
    digest.update(Image.__version__.encode())
    return digest.hexdigest()[:16]


def callout(draw: ImageDraw.ImageDraw, number: int, at: tuple[float, float], scale: float) -> None:
    """A filled red disc with a white ring and the step number, centred on ``at``."""
    radius = 24 * scale
    ring = 4 * scale
    x, y = at
    draw.ellipse((x - radius - ring, y - radius - ring, x + radius + ring, y + radius + ring), fill=OUTLINE)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=ACCENT)
    text = str(number)
    f = font(int((30 if number < 10 else 24) * scale), bold=True)
    draw.text((x, y), text, font=f, fill=OUTLINE, anchor="mm")


def box(draw: ImageDraw.ImageDraw, rect: tuple[float, float, float, float], scale: float) -> None:
    """A highlight frame: thick red line between two thin white ones."""
    x, y, w, h = rect
    width = max(1, round(5 * scale))
    edge = max(1, round(2 * scale))
    r = 10 * scale
    draw.rounded_rectangle((x - edge, y - edge, x + w + edge, y + h + edge), radius=r + edge, outline=OUTLINE,
                           width=width + 2 * edge)
    draw.rounded_rectangle((x, y, x + w, y + h), radius=r, outline=ACCENT, width=width)


def arrow(draw: ImageDraw.ImageDraw, start, end, scale: float) -> None:
    """A straight arrow from ``start`` to ``end`` (the head is at ``end``)."""
    (x1, y1), (x2, y2) = start, end
    angle = math.atan2(y2 - y1, x2 - x1)
    head = 26 * scale
    spread = math.radians(28)
    base = (x2 - head * 0.8 * math.cos(angle), y2 - head * 0.8 * math.sin(angle))
    points = [
        (x2, y2),
        (x2 - head * math.cos(angle - spread), y2 - head * math.sin(angle - spread)),
        (x2 - head * math.cos(angle + spread), y2 - head * math.sin(angle + spread)),
    ]
    for colour, extra in ((OUTLINE, 3 * scale), (ACCENT, 0)):
        draw.line([(x1, y1), base], fill=colour, width=max(1, round(7 * scale + 2 * extra)))
        grown = points
        if extra:
            cx = sum(p[0] for p in points) / 3
            cy = sum(p[1] for p in points) / 3
            k = 1 + extra / head * 2.2
            grown = [(cx + (px - cx) * k, cy + (py - cy) * k) for px, py in points]
        draw.polygon(grown, fill=colour)


def banner(image: Image.Image, text: str, height: int) -> None:
    """A yellow strip across the top (``height`` working pixels): marks an illustration
    visibly as not a screenshot. The text shrinks until it fits the width."""
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, image.width, height), fill=(255, 214, 0))
    size = int(height * 0.5)
    while size > 6 and font(size, bold=True).getlength(text) > image.width * 0.94:
        size -= 1
    canvas.text((image.width / 2, height / 2), text, font=font(size, bold=True), fill=(20, 20, 20), anchor="mm")
