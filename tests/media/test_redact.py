"""Redaction in the committed screenshot source (issue #15): `bdhvs images --redact`
destroys the pixels of every redaction box in the source file itself, atomically and
idempotently, and `bdhvs check` (pre-commit, CI) fails while a box still holds pixels.
Real PNG/JPEG/WebP files made with Pillow in temporary folders."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from bdhvs.checks import runner
from bdhvs.media import draw, redact, spec as spec_mod

from mediasite import screenshot

BOX = [40, 60, 300, 80]  # x, y, width, height
BOX2 = [60, 372, 200, 20]  # a blank gap between two bars


def personal(size=(600, 900)) -> Image.Image:
    """A screenshot with a made-up name in the first box (dark strokes on a light bar)."""
    image = screenshot(size)
    canvas = ImageDraw.Draw(image)
    canvas.text((50, 80), "NGUYEN VAN MAU 0xx xxx xxx xxx", fill=(0, 0, 0))
    return image


def project(tmp_path: Path, image: Image.Image, name="buoc-1.png", yml=None, **save) -> Path:
    folder = tmp_path / "docs" / "huong-dan" / "g"
    folder.mkdir(parents=True)
    image.save(folder / name, **save)
    (folder / "buoc-1.yml").write_text(yml or f"alt: Màn hình thử\nredact:\n  - {BOX}\n"
                                       f"  - {{area: {BOX2}, style: pixelate}}\n", encoding="utf-8")
    return folder / name


def load_spec(folder: Path):
    spec, problems = spec_mod.load(folder / "buoc-1.yml")
    assert problems == []
    return spec


def box_pixels(image: Image.Image, rect) -> set:
    x, y, w, h = rect
    return {colour for _, colour in image.convert("RGB").crop((x, y, x + w, y + h)).getcolors(w * h)}


def test_redact_destroys_the_box_pixels_in_the_source_and_keeps_the_rest(tmp_path):
    original = personal()
    path = project(tmp_path, original)
    before = box_pixels(original, BOX)
    assert len(before) > 1
    result = redact.redact_file(path, load_spec(path.parent))
    assert result.changed and result.boxes == 1 and result.path == path  # BOX2 was already blank
    with Image.open(path) as after:
        assert after.format == "PNG"
        assert box_pixels(after, BOX) == {draw.REDACT_FILL}  # every pixel of the box is the fill
        assert box_pixels(after, BOX2) == {draw.REDACT_FILL}  # "pixelate" too: the source holds no pixels
        # Outside the boxes, the screenshot is untouched (the published image needs it).
        assert after.convert("RGB").crop((0, 500, 600, 900)).tobytes() == original.crop((0, 500, 600, 900)).tobytes()


def test_redact_is_idempotent_and_strips_metadata(tmp_path):
    exif = Image.Exif()
    exif[0x010F] = "Hãng điện thoại"
    exif[0x9003] = "2026:01:02 10:00:00"
    path = project(tmp_path, personal(), exif=exif.tobytes())
    redact.redact_file(path, load_spec(path.parent))
    with Image.open(path) as after:
        assert not after.getexif() and "exif" not in after.info
    first = path.read_bytes()
    again = redact.redact_file(path, load_spec(path.parent))
    assert not again.changed and path.read_bytes() == first


def test_check_fails_until_the_source_is_redacted_then_passes(tmp_path):
    path = project(tmp_path, personal())
    options = runner.Options(root=tmp_path, docs_dir=tmp_path / "docs", style=False)
    got = [(f.file, f.line, f.code) for f in runner.check_paths([path], options)]
    assert got == [("docs/huong-dan/g/buoc-1.yml", 3, "PRIV-UNREDACTED")]  # BOX2 is blank already
    # The annotation file alone (pre-commit sees only changed files) gives the same finding.
    assert [f.code for f in runner.check_paths([path.with_suffix(".yml")], options)] == ["PRIV-UNREDACTED"]
    redact.redact_file(path, load_spec(path.parent))
    assert runner.check_paths([path.parent], options) == []


def test_a_transparent_box_still_hides_its_pixels_so_it_is_not_blank(tmp_path):
    # Alpha 0 looks empty, but the colour values are still in the file.
    image = personal().convert("RGBA")
    x, y, w, h = BOX
    clear = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    part = image.crop((x, y, x + w, y + h))
    part.putalpha(0)
    image.paste(part, (x, y))
    assert clear.getextrema() != part.getextrema()
    path = project(tmp_path, image)
    assert redact.unredacted(path, load_spec(path.parent)) == [0]


def test_coordinates_are_those_of_the_upright_image(tmp_path):
    # A phone photo stored sideways with an EXIF orientation: boxes refer to what is shown.
    upright = personal()
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    path = project(tmp_path, stored, exif=exif.tobytes())
    assert redact.unredacted(path, load_spec(path.parent)) == [0]
    redact.redact_file(path, load_spec(path.parent))
    with Image.open(path) as after:
        assert after.size == upright.size and box_pixels(after, BOX) == {draw.REDACT_FILL}


def test_a_jpeg_source_becomes_a_png_so_the_box_stays_blank(tmp_path):
    path = project(tmp_path, personal(), name="buoc-1.jpg", quality=90)
    result = redact.redact_file(path, load_spec(path.parent))
    assert result.path == path.with_suffix(".png") and result.replaced == path
    assert not path.exists()
    with Image.open(result.path) as after:
        assert box_pixels(after, BOX) == {draw.REDACT_FILL}


def test_a_webp_source_stays_webp_and_lossless(tmp_path):
    path = project(tmp_path, personal(), name="buoc-1.webp", lossless=True)
    redact.redact_file(path, load_spec(path.parent))
    with Image.open(path) as after:
        assert after.format == "WEBP" and box_pixels(after, BOX) == {draw.REDACT_FILL}


def test_a_crash_while_writing_keeps_the_original_file(tmp_path, monkeypatch):
    path = project(tmp_path, personal())
    original = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        redact.redact_file(path, load_spec(path.parent))
    assert path.read_bytes() == original
    assert sorted(p.name for p in path.parent.iterdir()) == ["buoc-1.png", "buoc-1.yml"]  # no temporary file left


def cli(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", *args], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONUTF8="1"))


def test_cli_redact_then_check_passes(tmp_path):
    path = project(tmp_path, personal())
    before = cli(tmp_path, "check", "--no-build", "--docs-dir", "docs", "docs/huong-dan")
    assert before.returncode == 1 and "PRIV-UNREDACTED" in before.stdout and "bdhvs images --redact" in before.stdout
    done = cli(tmp_path, "images", "--redact", "--docs-dir", "docs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/huong-dan/g/buoc-1.png  ĐÃ CHE  1 vùng" in done.stdout
    after = cli(tmp_path, "check", "--no-build", "--docs-dir", "docs", "docs/huong-dan")
    assert after.returncode == 0, after.stdout
    again = cli(tmp_path, "images", "--redact", "--docs-dir", "docs")
    assert "đã che sẵn" in again.stdout and again.returncode == 0
    assert path.exists()


def test_cli_redact_with_a_broken_annotation_file_explains_and_fails(tmp_path):
    path = project(tmp_path, personal(), yml="redact:\n  - [40, 60, 300\n")
    original = path.read_bytes()
    proc = cli(tmp_path, "images", "--redact", "--docs-dir", "docs")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "buoc-1.yml:2:5  IMG001" in proc.stdout and "sửa tệp .yml trước" in proc.stdout
    assert path.read_bytes() == original


def test_cli_redact_on_a_broken_image_explains_and_fails(tmp_path):
    folder = tmp_path / "docs" / "huong-dan" / "g"
    folder.mkdir(parents=True)
    (folder / "buoc-1.png").write_bytes(b"\x89PNG\r\n\x1a\nhalf a file")
    (folder / "buoc-1.yml").write_text(f"redact:\n  - {BOX}\n", encoding="utf-8")
    proc = cli(tmp_path, "images", "--redact", "--docs-dir", "docs")
    assert proc.returncode == 1 and "Traceback" not in proc.stdout + proc.stderr
    assert "không đọc được ảnh buoc-1.png" in proc.stdout
