"""Screenshot rendering: destroy redacted pixels, crop, annotate, resize.

Order matters: redaction first (on the original pixels, before anything can copy
them), then crop, then annotations drawn at a working resolution of at least twice
the output width, then one high-quality downsampling to the output size.
"""
from __future__ import annotations

import io
import math

from PIL import Image, ImageCms, ImageDraw, ImageOps

from bdhvs.media import draw as d
from bdhvs.media.spec import Redaction, Spec

SUPERSAMPLE = 2  # working resolution >= SUPERSAMPLE x output width


def to_srgb(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation, convert any embedded colour profile to sRGB, drop alpha.

    The result carries no metadata at all (a fresh image made from the pixels)."""
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        image = flat
    image = image.convert("RGB")
    if icc:
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: keep the pixels as they are
    return Image.frombytes("RGB", image.size, image.tobytes())


def redact(image: Image.Image, regions: list[Redaction]) -> Image.Image:
    """Overwrite each region so that none of its original pixel values survive.

    ``solid``: one flat colour. ``pixelate``: blocks of at least a third of the region's
    shorter side (min 16 px), each block's mean darkened towards the fill colour, so the
    content cannot be read back and no original value is kept by chance."""
    image = image.copy()
    canvas = ImageDraw.Draw(image)
    for region in regions:
        x, y, w, h = region.rect
        x2, y2 = min(image.width, x + w), min(image.height, y + h)
        if x2 <= x or y2 <= y:
            continue
        if region.style == "pixelate":
            block = max(16, min(w, h) // 3)
            part = image.crop((x, y, x2, y2))
            small = part.resize((max(1, math.ceil(part.width / block)), max(1, math.ceil(part.height / block))),
                                Image.Resampling.BOX)
            small = Image.blend(small, Image.new("RGB", small.size, d.REDACT_FILL), 0.55)
            image.paste(small.resize(part.size, Image.Resampling.NEAREST), (x, y))
        else:
            canvas.rectangle((x, y, x2 - 1, y2 - 1), fill=d.REDACT_FILL)
    return image


def output_size(size: tuple[int, int], max_width: int) -> tuple[int, int]:
    width, height = size
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


def render(image: Image.Image, spec: Spec | None, *, max_width: int | None = None) -> Image.Image:
    """The annotated, redacted, cropped and resized screenshot (RGB, no metadata).

    The screenshot is resized once (Lanczos); annotations are drawn on a transparent
    layer at >= 2x the output resolution, downsampled (anti-aliased) and composited on
    top, so the screenshot's own pixels are never resampled twice."""
    spec = spec or Spec()
    image = to_srgb(image)
    image = redact(image, spec.redact)
    ox, oy = 0, 0
    if spec.crop:
        x, y, w, h = spec.crop
        image = image.crop((x, y, x + w, y + h))
        ox, oy = x, y
    out_w, out_h = output_size(image.size, max_width or spec.max_width)
    base = image if image.size == (out_w, out_h) else image.resize((out_w, out_h), Image.Resampling.LANCZOS,
                                                                    reducing_gap=3.0)
    if not (spec.boxes or spec.arrows or spec.callouts):
        return base
    factor = max(image.width, SUPERSAMPLE * out_w) / image.width  # working px per source px
    layer = Image.new("RGBA", (round(image.width * factor), round(image.height * factor)), (0, 0, 0, 0))
    scale = layer.width / out_w  # working px per output px

    def at(point):
        return ((point[0] - ox) * factor, (point[1] - oy) * factor)

    canvas = ImageDraw.Draw(layer)
    for rect in spec.boxes:
        px, py = at(rect[:2])
        d.box(canvas, (px, py, rect[2] * factor, rect[3] * factor), scale)
    for start, end in spec.arrows:
        d.arrow(canvas, at(start), at(end), scale)
    for number, point in spec.callouts:
        d.callout(canvas, number, at(point), scale)
    layer = layer.resize((out_w, out_h), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = base.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB")
