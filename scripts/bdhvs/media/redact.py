"""Redaction in the screenshot SOURCE file, not only in the published image.

The build redacts every published WebP, but the source ``docs/huong-dan/<slug>/buoc-2.png``
is committed to a public repository: whatever personal data it shows stays readable in
the git history. ``bdhvs images --redact`` therefore paints every redaction box of the
annotation file (``redact:`` in ``buoc-2.yml``) solid in the source file itself — pixels
destroyed, metadata (EXIF, GPS, text chunks, colour profile) dropped — and `bdhvs check`
(so pre-commit and CI) fails while a box of a committed source still holds more than one
colour (``PRIV-UNREDACTED``).

- Coordinates are those of the annotation file: pixels of the upright image (EXIF
  orientation applied), as for the published image (``render.to_srgb``).
- Every box is filled with the solid colour, whatever its ``style``: a ``pixelate`` box
  keeps its look on the site only if the source still holds the pixels, which is the
  leak this module closes.
- A box is blank when all its pixels (colour AND transparency) are one value: transparent
  pixels keep their hidden colour values, so a see-through box is not blank.
- Writes are atomic (temporary file in the same folder, then rename), idempotent (a
  redacted source without metadata is left byte for byte as it is), and a JPEG source
  becomes a PNG of the same name (JPEG compression would smear the fill, and the box
  would never be blank again); references to ``buoc-2.jpg`` keep working (the build
  pairs images by name, media/catalog.py).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from bdhvs.files import write_atomic
from bdhvs.media import render
from bdhvs.media.spec import Redaction, Spec

LOSSLESS_FORMATS = {"PNG": ".png", "WEBP": ".webp"}


class RedactError(Exception):
    """A source that cannot be redacted; the message is Vietnamese, for the editor."""


def upright(image: Image.Image) -> Image.Image:
    """The pixels the annotation coordinates refer to, with their transparency."""
    return ImageOps.exif_transpose(image).convert("RGBA")


def _clip(rect: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    x, y, w, h = rect
    box = (max(0, x), max(0, y), min(size[0], x + w), min(size[1], y + h))
    return box if box[2] > box[0] and box[3] > box[1] else None


def is_blank(image: Image.Image, rect: tuple[int, int, int, int]) -> bool:
    """True when every pixel of ``rect`` (inside the image) has the same value."""
    box = _clip(rect, image.size)
    if box is None:
        return True  # outside the image: nothing to destroy (IMG003 reports the box)
    return all(low == high for low, high in image.crop(box).getextrema())


def open_image(path: Path) -> Image.Image:
    try:
        image = Image.open(path)
        image.load()
        return image
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RedactError(f"không đọc được ảnh {path.name} ({exc.__class__.__name__}): lưu lại ảnh dạng PNG") from None


def unredacted(path: Path, spec: Spec) -> list[int]:
    """Indexes (in ``spec.redact``) of the boxes whose pixels in ``path`` are not blank."""
    if not spec.redact:
        return []
    image = upright(open_image(path))
    return [i for i, region in enumerate(spec.redact) if not is_blank(image, region.rect)]


def _has_metadata(image: Image.Image) -> bool:
    return bool(image.getexif()) or any(key in image.info for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp")) \
        or any(isinstance(v, str) for v in image.info.values())


@dataclass
class Result:
    path: Path  # the source after redaction (a .png when a JPEG was converted)
    boxes: int  # boxes that still held pixels and were painted
    changed: bool
    replaced: Path | None = None  # the JPEG that the PNG replaced


def redact_file(path: Path, spec: Spec | None) -> Result:
    """Paint every redaction box of ``spec`` solid in the source image ``path`` and drop
    its metadata. A source without boxes is only rewritten (without metadata) when it is
    a PNG or WebP that carries some; a JPEG without boxes is left alone (re-encoding it
    would lose quality; PRIV-EXIF still reports its metadata)."""
    regions = spec.redact if spec else []
    original = open_image(path)
    pixels = upright(original)
    dirty = [region for region in regions if not is_blank(pixels, region.rect)]
    fmt = original.format or ""
    lossless = fmt in LOSSLESS_FORMATS
    if not dirty and (not lossless or not _has_metadata(original)):
        return Result(path, 0, False)
    clean = render.to_srgb(original)  # upright, sRGB, no alpha, no metadata at all
    clean = render.redact(clean, [Redaction(region.rect, "solid") for region in regions])
    # Verify before writing: the file must come out with every box blank.
    if any(not is_blank(clean.convert("RGBA"), region.rect) for region in regions):
        raise RedactError(f"không tô kín được vùng che trong {path.name}")  # pragma: no cover - defensive
    buffer = io.BytesIO()
    if fmt == "WEBP":
        clean.save(buffer, "WEBP", lossless=True, quality=100, method=4)
        target = path
    else:
        clean.save(buffer, "PNG", optimize=True)
        target = path if fmt == "PNG" else path.with_suffix(".png")
    if target != path and target.exists():
        raise RedactError(f"có cả {path.name} và {target.name}: giữ lại một ảnh rồi chạy lại")
    write_atomic(target, buffer.getvalue())
    if target != path:
        path.unlink()
    return Result(target, len(dirty), True, path if target != path else None)


def redact_all(media_dir: Path, *, root: Path | None = None) -> tuple[list[str], list[str]]:
    """Redact every screenshot source of ``media_dir``: (lines done, problems), both
    Vietnamese, one line per file, paths relative to ``root``."""
    from bdhvs.findings import relative
    from bdhvs.media import catalog, spec as spec_mod

    done: list[str] = []
    problems: list[str] = []
    sources, findings = catalog.sources(media_dir, root)
    problems += [f.human() for f in findings]
    for src in sources:
        if src.image is None:
            continue
        spec = None
        if src.spec is not None:
            spec, more = spec_mod.load(src.spec, root=root)
            if spec is None:
                problems += [f.human() + " (chưa che được ảnh: sửa tệp .yml trước)" for f in more]
                continue
        boxes = len(spec.redact) if spec else 0
        rel = relative(src.image, root)
        try:
            result = redact_file(src.image, spec)
        except RedactError as exc:
            problems.append(f"{rel}:1:1  PRIV-UNREDACTED  {exc}")
            continue
        except OSError as exc:
            problems.append(f"{rel}:1:1  PRIV-UNREDACTED  không ghi được ảnh ({exc.strerror or exc}); tệp cũ vẫn còn nguyên")
            continue
        if not result.changed:
            if boxes:
                done.append(f"{rel}  đã che sẵn ({boxes} vùng), không cần sửa")
        elif result.replaced is not None:
            done.append(f"{relative(result.path, root)}  ĐÃ CHE  {result.boxes} vùng; ảnh JPEG {result.replaced.name} đã "
                        f"thành {result.path.name} (JPEG không giữ được vùng tô kín): `git add` cả hai tên")
        elif boxes:
            done.append(f"{rel}  ĐÃ CHE  {result.boxes} vùng (điểm ảnh trong tệp gốc đã bị xoá hẳn, bỏ siêu dữ liệu)")
        else:
            done.append(f"{rel}  ĐÃ XOÁ  siêu dữ liệu (EXIF, GPS…) của ảnh gốc")
    return done, problems
