"""Which encoding a picture gets: crisp lossless for flat UI drawings that fit, lossy
otherwise, and no slow lossless pass when a fast one already shows it cannot win."""
from __future__ import annotations

import random

from PIL import Image, ImageDraw

from bdhvs import settings
from bdhvs.media import encode, sketch, spec as spec_mod


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


def _guide_sketches():
    pictures = []
    for yml in sorted(settings.MEDIA_DIR.glob("*/*.yml")):
        spec, findings = spec_mod.load(yml)
        assert not findings, findings
        if spec.sketch is not None:
            pictures.append((f"{yml.parent.name}/{yml.name}", sketch.render(spec.sketch, max_width=spec.max_width)))
    assert pictures, "the guides have no sketch"
    return pictures


def test_guide_sketches_are_crisp_and_no_bigger_than_the_full_comparison():
    """The drawing shortcut (lossless at low effort, no lossy pass) must not cost readers
    bytes: on every real sketch it is lossless and no bigger than what the full
    comparison (lossy q85 vs full lossless) would publish."""
    for name, picture in _guide_sketches():
        quick = encode.encode(picture, settings.IMAGE_BUDGET, drawing=True)
        full = encode.encode(picture, settings.IMAGE_BUDGET)
        lossy = encode._webp(encode._clean(picture), lossless=False, quality=encode.LOSSY_QUALITIES[0])
        assert quick.lossless, name
        assert len(quick.data) <= len(full.data), (name, len(quick.data), len(full.data))
        assert len(quick.data) < len(lossy), (name, len(quick.data), len(lossy))
        assert (quick.width, quick.height) == picture.size


def test_drawing_over_budget_falls_back_to_lossy_under_budget():
    result = encode.encode(_noise((360, 300)), 60 * 1024, drawing=True)
    assert not result.lossless and len(result.data) <= 60 * 1024
