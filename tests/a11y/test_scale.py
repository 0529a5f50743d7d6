"""The site keeps its weight as guides are added (issue 24, "Scale").

A copy of the project with 300 more guides (bench/corpus.py: realistic titles, descriptions,
topics and bodies made from the real guides; 300 keeps the suite fast, `bdhvs bench --scale`
measures 1,000) is built with the real configuration, and opened in Chromium on a phone:

- the home and the heaviest guide pages stay within settings' budgets;
- every real guide page, and the home, weigh the same (within 1 kB of gzip) as in today's
  site: what grows with the number of guides (the menu, the home's lists) must not be
  repeated on every page. Repeating the whole navigation (no navigation.prune), or a whole
  topic of 100+ guides in each guide's menu, adds several kB to every page and fails here.
"""
from __future__ import annotations

import gzip
import re

import pytest

from bdhvs import settings
from bdhvs.audit.browser import record_page_weight
from bdhvs.audit.serve import GzipSiteServer
from bdhvs.bench import corpus, scale, sites
from conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GUIDES = 300
GROWTH_LIMIT = 1024  # gzip bytes a page may gain when 300 guides are added
HEAVIEST = 3  # guide pages opened in Chromium (by their own HTML size)


def _vi_only(config_text: str) -> str:
    """The Ede build repeats the same templates on fallback copies: skipped to halve the time."""
    return re.sub(r"(- locale: ede\n(?:\s+(?!- locale).*\n)*?\s+build:) true", r"\1 false", config_text)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    work = tmp_path_factory.mktemp("scale")
    docs = corpus.generated_docs(work, GUIDES, settings.DOCS_DIR)
    built = sites.build_ours(work, docs, name="scale", cache_dir=work / "cache", edit_config=_vi_only)
    return built.site, docs


def _html_gzip(site, path):
    return len(gzip.compress((site / path / "index.html").read_bytes(), compresslevel=6, mtime=0))


def test_the_generated_project_has_the_guides_in_several_topics(big):
    site, docs = big
    guides = [p for p in scale.guide_paths(site, docs) if not p.startswith("ede/")]
    assert len(guides) >= GUIDES
    platforms = set(re.findall(r"(?m)^platform: (\S+)$", "".join(
        p.read_text(encoding="utf-8")[:3000] for p in (docs / "vi" / "huong-dan").glob("*.md"))))
    assert len(platforms) >= 5


def test_pages_do_not_grow_with_the_number_of_guides(big, site):
    big_site, docs = big
    real = [p for p in scale.guide_paths(site, settings.DOCS_DIR) if not p.startswith("ede/")]
    assert len(real) >= 10
    grown = {path: _html_gzip(big_site, path) - _html_gzip(site, path) for path in ["", *real]}
    over = {p or "/": f"+{g:,} B" for p, g in grown.items() if g > GROWTH_LIMIT}
    assert not over, f"with {GUIDES} more guides these pages grew by more than {GROWTH_LIMIT} B (gzip): {over}"


def test_home_and_heaviest_guides_stay_within_budget(big, browser):
    big_site, docs = big
    guides = [p for p in scale.guide_paths(big_site, docs) if not p.startswith("ede/")]
    heaviest = sorted(guides, key=lambda p: _html_gzip(big_site, p))[-HEAVIEST:]
    with GzipSiteServer(big_site) as server:
        weights = {}
        for path in ["", *heaviest]:
            context = browser.new_context(**PHONE)
            weights[path] = record_page_weight(context, server.url + path, server.origin)
            context.close()
    home = weights.pop("")
    assert home.total() <= scale.HOME_BUDGET, f"home {home.total():,} B > {scale.HOME_BUDGET:,} B\n{home.describe()}"
    over = {p: w.before_images() for p, w in weights.items() if w.before_images() > settings.PAGE_BUDGET_BEFORE_IMAGES}
    assert not over, "\n\n".join(f"{p}: {b:,} B > {settings.PAGE_BUDGET_BEFORE_IMAGES:,} B\n{weights[p].describe()}"
                                 for p, b in over.items())
