"""The self-hosted Ede font covers every letter Ede text on the site uses, and the
committed file is the one `bdhvs font` makes from the declared character list."""
import unicodedata

from bdhvs import fonts, settings

EDE_LETTERS = "ĕĭŏŭƀɃčČñÑĔĬŎŬ" + "ê̆ô̆ơ̆ư̆Ê̆Ô̆Ơ̆Ư̆"


def _ede_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (settings.DOCS_DIR / "ede").rglob("*.md")]
    for name in ("ede-words.yml", "ede-ui.yml", "glossary.yml", "words-ede.txt"):
        path = settings.DATA_DIR / name
        if path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    texts.append((settings.OVERRIDES_DIR / "partials/bdhvs/fallback-notice.html").read_text(encoding="utf-8"))
    return texts


def test_font_draws_every_ede_letter_and_mark():
    covered = fonts.covered_codepoints()
    for ch in unicodedata.normalize("NFC", EDE_LETTERS):
        assert ord(ch) in covered, f"U+{ord(ch):04X} {ch!r} missing from the Ede font"


def test_font_covers_every_letter_in_ede_text():
    covered = fonts.covered_codepoints()
    missing = set()
    for text in _ede_texts():
        for ch in unicodedata.normalize("NFC", text):
            if (ch.isalpha() or unicodedata.combining(ch)) and ord(ch) not in covered:
                missing.add(f"U+{ord(ch):04X} {ch}")
    assert not missing, f"add these to UNICODE_RANGES in scripts/bdhvs/fonts.py, then run `bdhvs font`: {sorted(missing)}"


def test_committed_font_matches_the_declared_characters():
    declared = set(fonts.unicodes())
    covered = fonts.covered_codepoints()
    assert declared - covered <= {0x00A0}, "run `bdhvs font` after changing UNICODE_RANGES"
    # nothing beyond what was declared (plus glyphs the font maps for shaping)
    assert len(covered - declared) < 10
