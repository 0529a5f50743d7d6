"""The self-hosted font: a small subset of Noto Sans that draws Ede correctly.

Why Noto Sans: rendered with HarfBuzz it places the breve of ê̆ ô̆ ơ̆ ư̆ (base letter +
U+0306, no precomposed form) correctly, and has ƀ Ƀ ĕ ĭ ŏ ŭ č ñ (research note
ede-language.md §1.4). Roboto lacks U+0306, Be Vietnam Pro shifts the breve, DejaVu
collides it with the circumflex, and Google Fonts' subsets leave U+0306 out.

The subset is applied to Ede text only (``:lang(rad)`` in site.css): Vietnamese pages
use the phone's own font and download no font at all.

The same module makes the two fonts the build DRAWS with (sketches, numbered callouts on
screenshots: bdhvs.media.draw): Noto Sans Regular and Bold, subset to the Latin,
Vietnamese and Ede letters, punctuation and arrows, shipped in scripts/bdhvs/media/fonts/
with the licence (OFL) beside them. So `make site`, `make serve` and `make check` need no
system font on Linux, macOS or Windows, and draw the same pixels everywhere.

Regenerate both with ``bdhvs font`` (needs Debian's fonts-noto-core); the output is
committed so that building the site needs nothing outside PyPI.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs import settings

SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
SOURCE_FONT = SOURCE_DIR / "NotoSans-Regular.ttf"
OUTPUT = settings.OVERRIDES_DIR / "assets" / "fonts" / "noto-sans-ede.woff2"
DRAWING_DIR = Path(__file__).resolve().parent / "media" / "fonts"
DRAWING_FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")

# What drawn text (sketch labels, callout numbers) may use: whole blocks, so that any
# Vietnamese or Ede text an editor types is covered; the subset keeps only the glyphs the
# font has in them.
DRAWING_RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B (ƀ Ƀ Ơ ơ Ư ư)
    (0x0300, 0x036F),  # combining diacritical marks (U+0306 breve of ê̆ ô̆ ơ̆ ư̆)
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese precomposed letters)
    (0x2000, 0x206F),  # general punctuation (dashes, quotes, ellipsis)
    (0x20A0, 0x20CF),  # currency (₫)
    (0x2100, 0x214F),  # letterlike symbols (№, ℃)
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus
    (0x25A0, 0x25FF),  # geometric shapes (bullets, triangles)
]

# Every character Ede or Vietnamese text on the site may use, and nothing more (each
# glyph costs bytes on every page that shows Ede text).
_LATIN1_LETTERS = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝñÑ"
_LATIN_EXT_A = "ĂăĐđĨĩŨũĔĕĬĭŎŏŬŭČč"
_PUNCTUATION = "\u00a0«»©°·"
UNICODE_RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    *[(ord(ch), ord(ch)) for ch in _PUNCTUATION + _LATIN1_LETTERS + _LATIN_EXT_A],
    (0x0180, 0x0180),  # ƀ
    (0x0243, 0x0243),  # Ƀ
    (0x01A0, 0x01A1),  # Ơ ơ
    (0x01AF, 0x01B0),  # Ư ư
    (0x0300, 0x0303),  # combining grave, acute, circumflex (U+0302), tilde
    (0x0306, 0x0306),  # combining breve: ê̆ ô̆ ơ̆ ư̆ have no precomposed form
    (0x0309, 0x0309),  # combining hook above
    (0x030C, 0x030C),  # combining caron (č decomposed)
    (0x031B, 0x031B),  # combining horn
    (0x0323, 0x0323),  # combining dot below
    (0x1EA0, 0x1EF9),  # Vietnamese precomposed letters
    (0x2013, 0x2014),  # en and em dash
    (0x2018, 0x201D),  # quotes
    (0x2026, 0x2026),  # ellipsis
    (0x20AB, 0x20AB),  # ₫
]


def unicodes() -> list[int]:
    return [cp for start, end in UNICODE_RANGES for cp in range(start, end + 1)]


def css_unicode_range() -> str:
    parts = []
    for start, end in UNICODE_RANGES:
        parts.append(f"U+{start:04X}" if start == end else f"U+{start:04X}-{end:04X}")
    return ", ".join(parts)


def build_drawing_fonts(source_dir: Path = SOURCE_DIR, output_dir: Path = DRAWING_DIR) -> list[Path]:
    """Subset Noto Sans Regular and Bold to DRAWING_RANGES as TrueType (what Pillow reads),
    keeping hinting, kerning and mark positioning so drawn text looks as with the full font."""
    from fontTools import subset

    wanted = [cp for start, end in DRAWING_RANGES for cp in range(start, end + 1)]
    out = []
    for name in DRAWING_FONTS:
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]  # copyright, licence and its URL stay in the file (OFL)
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.glyph_names = False
        font = subset.load_font(str(source_dir / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        output_dir.mkdir(parents=True, exist_ok=True)
        subset.save_font(font, str(output_dir / name), options)
        out.append(output_dir / name)
    return out


def build(source: Path = SOURCE_FONT, output: Path = OUTPUT) -> Path:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    # Only what places the marks of Ede letters (ê̆ ơ̆ ư̆: mark, mkmk, ccmp, locl). Kerning and
    # ligatures (1.3 kB of the 11 kB) change nothing a reader of Ede needs, and the font counts
    # in every Ede page's 30 kB budget (settings.PAGE_BUDGET_BEFORE_IMAGES).
    options.layout_features = ["mark", "mkmk", "ccmp", "locl"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright/licence names (OFL)
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(output), options)
    return output


def covered_codepoints(path: Path = OUTPUT) -> set[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path)) as font:
        return set(font.getBestCmap())
