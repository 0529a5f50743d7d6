"""The fonts the build draws with ship in the repository (subset of Noto Sans, OFL beside
them): previewing needs no system font on Linux, macOS or Windows, every character an editor
can type in a sketch is drawn, and a missing font is reported as what it is (IMG008), never as
a broken link."""
from __future__ import annotations

from pathlib import Path

import yaml
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

from bdhvs import fonts
from bdhvs.checks import runner
from bdhvs.media import draw

ROOT = Path(__file__).resolve().parents[2]


def test_drawing_fonts_are_looked_up_only_in_the_repository_with_their_licence():
    for folder in draw.FONT_DIRS:
        assert folder.resolve().is_relative_to(ROOT), folder  # no /usr/share/fonts, no C:\Windows\Fonts
    for name in (draw.REGULAR, draw.BOLD):
        path = draw.font_path(name)
        assert path.parent == fonts.DRAWING_DIR and path.stat().st_size < 300_000
        assert (path.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1
        with TTFont(str(path)) as font:
            assert "Open Font License" in font["name"].getDebugName(13)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_every_character_of_every_sketch_and_callout_text_has_a_glyph():
    used = set("0123456789")
    for spec in (ROOT / "docs").rglob("*.yml"):
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
        for text in _strings(data):
            used |= {ch for ch in text if ch.isprintable()}
    used |= set("ê̆ô̆ơ̆ư̆ƀɃĕĭŏŭčñ₫")  # Ede letters and symbols editors may type
    for name in (draw.REGULAR, draw.BOLD):
        with TTFont(str(draw.font_path(name))) as font:
            cmap = font.getBestCmap()
        missing = sorted(ch for ch in used if ord(ch) not in cmap)
        assert not missing, (name, missing)


def test_a_drawn_label_shows_ede_text_not_empty_boxes():
    """Drawn with the shipped font, ê̆ differs from ê (the breve is there) and a letter the
    font lacks would be the .notdef box: the label is real text."""
    font = draw.font(40, bold=True)

    def ink(text: str) -> bytes:
        image = Image.new("L", (200, 80), 255)
        ImageDraw.Draw(image).text((10, 10), text, font=font, fill=0)
        return image.tobytes()

    assert ink("ê̆") != ink("ê")
    assert ink("ƀ") != ink("\uffff")  # U+FFFF has no glyph: the box


def test_a_missing_font_logged_by_the_build_is_reported_as_img008_not_as_a_link(tmp_path):
    line = ("WARNING -  docs/huong-dan/vneid/buoc-1.yml:1:1  IMG008  Thiếu tệp phông NotoSans-Bold.ttf "
            "trong scripts/bdhvs/media/fonts/")
    options = runner.Options()
    (finding,) = runner.mkdocs_findings(line + "\nAborted with 1 warnings in strict mode!\n", 1, options)
    assert finding.code == "IMG008"
    assert finding.file == "docs/huong-dan/vneid/buoc-1.yml"
    assert "NotoSans-Bold.ttf" in finding.message
