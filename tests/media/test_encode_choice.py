"""Which encoding a picture gets: crisp lossless for flat UI drawings that fit, lossy
otherwise, and no slow lossless pass when a fast one already shows it cannot win."""
from __future__ import annotations

import random

from PIL import Image, ImageDraw

from bdhvs.media import encode


def _flat_ui() -> Image.Image:
    image = Image.new("RGB", (720, 800), "white")
    draw = ImageDraw.Draw(image)
    for y in range(40, 760, 120):
        draw.rounded_rectangle((40, y, 680, y + 80), radius=12, outline="#1565c0", width=4, fill="#e3f2fd")
        draw.text((70, y + 30), "Đăng nhập VNeID", fill="black")
    return image


def _noise(size=(720, 800)) -> Image.Image:
    rng = random.Random(7)
    return Image.frombytes("RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3)))


def _spy(monkeypatch):
    full_lossless = []
    webp = encode._webp

    def spy(image, *, lossless, quality, method=None):
        if lossless and method is None:
            full_lossless.append(quality)
        return webp(image, lossless=lossless, quality=quality, method=method)

    monkeypatch.setattr(encode, "_webp", spy)
    return full_lossless


def test_flat_drawing_stays_lossless(monkeypatch):
    full_lossless = _spy(monkeypatch)
    result = encode.encode(_flat_ui(), 60 * 1024)
    assert result.lossless and len(result.data) <= 60 * 1024
    assert full_lossless  # the fast pass let the full one run


def test_noisy_picture_skips_the_slow_lossless_pass(monkeypatch):
    full_lossless = _spy(monkeypatch)
    result = encode.encode(_noise((360, 300)), 60 * 1024)
    assert not result.lossless and len(result.data) <= 60 * 1024
    assert full_lossless == []
