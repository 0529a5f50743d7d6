"""Limits of an image, read from its header BEFORE anything decodes its pixels.

A 30000×30000 PNG is a few kilobytes on disk and 2.7 GB once decoded: Pillow refuses it
with an exception in the middle of a check or a build. :func:`limits` looks at the file
size and the header's width × height first (settings.IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS),
then verifies the file's structure without decoding it, and returns findings (IMG012,
IMG011, IMG006) — one bad image never stops the checks of the other files.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative


TOO_BIG = {"IMG011", "IMG012"}  # nothing may decode such a file


def limits(path: Path, *, root: Path | None = None) -> list[Finding]:
    from PIL import Image, UnidentifiedImageError

    name = relative(path, root)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [finding(name, 1, 1, "IMG006", f"Không mở được ảnh: {exc.strerror or exc}")]
    if size > settings.IMAGE_MAX_BYTES:
        return [finding(name, 1, 1, "IMG012", f"Ảnh nặng {size:,} byte, quá giới hạn {settings.IMAGE_MAX_BYTES:,} byte")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
                if width * height > settings.IMAGE_MAX_PIXELS:
                    return [_too_many(name, width, height)]
                image.verify()  # the file's structure (chunks, checksums), no pixels decoded
    except Image.DecompressionBombError:
        return [finding(name, 1, 1, "IMG011", "Ảnh có quá nhiều điểm ảnh để xử lý "
                                              f"(giới hạn {settings.IMAGE_MAX_PIXELS:,} điểm ảnh)")]
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return [finding(name, 1, 1, "IMG006", "Không đọc được ảnh: tệp không phải là ảnh, ảnh bị hỏng hoặc chưa được lưu hết")]
    return []


def _too_many(name: str, width: int, height: int) -> Finding:
    return finding(name, 1, 1, "IMG011", f"Ảnh {width:,} × {height:,} điểm ảnh, quá giới hạn "
                                         f"{settings.IMAGE_MAX_PIXELS:,} điểm ảnh (rộng × cao)")
