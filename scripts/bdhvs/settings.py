"""One place for project-wide constants: paths, languages, budgets."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = ROOT / "docs"
DATA_DIR = ROOT / "data"
OVERRIDES_DIR = ROOT / "overrides"
MEDIA_DIR = DOCS_DIR / "huong-dan"  # language-neutral guide media, one folder per guide
SITE_DIR = ROOT / "site"
# Build caches (images, QR codes, compiled templates); always safe to delete.
# BDHVS_CACHE_DIR moves them (`bdhvs bench` builds with an empty one).
CACHE_DIR = Path(os.environ.get("BDHVS_CACHE_DIR") or ROOT / ".cache" / "bdhvs")

DEFAULT_LANGUAGE = "vi"

# mkdocs-static-i18n locale (folder name and URL prefix) -> BCP 47 tag used in HTML.
# Ede has no ISO 639-1 code; its ISO 639-3 code is `rad`. The folder and URL stay `ede`
# so editors and readers recognise them.
LANGUAGES: dict[str, dict[str, str]] = {
    "vi": {"bcp47": "vi", "name": "Tiếng Việt"},
    "ede": {"bcp47": "rad", "name": "Klei Êđê"},
}


def bcp47(locale: str) -> str:
    """The HTML `lang` value for an i18n locale (``ede`` -> ``rad``)."""
    return LANGUAGES.get(locale, {}).get("bcp47", locale)


# Budgets (bytes). One place; checks, tests and benchmarks read them from here.
# A guide page opened cold (from a QR code) and the home's first visit: gzip bodies of HTML, CSS,
# JS and font, 1 kB = 1,024 B (issue 24). Measured in Chromium by tests/a11y/test_budget.py.
PAGE_BUDGET_BEFORE_IMAGES = 30 * 1024
# Requests of a page before images: the HTML, the site's one stylesheet and one script (bundled
# after the build, scripts/bdhvs/theme/bundle.py), reading-early.js (must run in <head> before
# the first paint), and the Ede font on pages showing Ede text. Was 17 before bundling (the
# guide kit's small stylesheets and scripts, issue 23); search and projector mode load later,
# on demand, and are not counted.
PAGE_REQUEST_BUDGET = 5
IMAGE_BUDGET = 60 * 1024  # one rendered screenshot
SKETCH_BUDGET_GZIP = 4 * 1024  # one drawn sketch (SVG), gzip -6 as the web server sends it
VIDEO_BUDGET = 8 * 1024 * 1024  # one local video file for offline classes
AUDIO_BUDGET = 400 * 1024  # one recorded audio clip
MAX_SOURCE_BYTES = 512 * 1024  # a Markdown page larger than this is refused by the checks

# Limits of what the gate (scripts/bdhvs/inputs/) reads: beyond them an input is refused
# with a Vietnamese finding instead of exhausting memory or time.
YAML_MAX_BYTES = 1024 * 1024  # one data file or front matter
YAML_MAX_ALIASES = 1000  # YAML aliases (*name) in one data file; front matter allows none
YAML_MAX_NODES = 100_000  # values in one YAML file once its aliases are expanded ("billion laughs")
YAML_MAX_DEPTH = 20  # nested lists/mappings in one YAML document
IMAGE_MAX_BYTES = 20 * 1024 * 1024  # one screenshot or sketch source under docs/huong-dan/
IMAGE_MAX_PIXELS = 40_000_000  # width × height of one image (a phone screenshot is ≈ 3 million)
