"""The draft notice, the reviewed note and the sources box on guide pages."""
from __future__ import annotations

import pytest

from bdhvs import settings
from bdhvs.content import safety
from bdhvs.content.feature import format_date, guide_context
from bdhvs.content.guides import read_page
from bdhvs.settings import DOCS_DIR
from content_helpers import GUIDE_IDS, GUIDES, guide_url, soup
import guidesite

NOTICE = '[data-bdhvs="draft-notice"]'


@pytest.mark.parametrize("lang", ["vi", "ede"])
@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_draft_notice_exactly_on_draft_guides(site, guide, lang):
    page = soup(site / guide_url(guide.slug, lang) / "index.html")
    has_notice = page.select_one(NOTICE) is not None
    assert has_notice == (guide.review_status == "draft")
    if has_notice:
        assert "Cán bộ xã" in page.select_one(NOTICE).get_text()
        assert page.select_one('[data-bdhvs="reviewed-note"]') is None


@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_sources_box_lists_every_source_and_the_review_date(site, guide):
    meta, _ = read_page(DOCS_DIR / "vi" / guide.src)
    box = soup(site / guide_url(guide.slug) / "index.html").select_one('[data-bdhvs="sources"]')
    assert box is not None
    # The guide's own sources, then those of the shared safety blocks it shows (data/safety/).
    own = [s["url"] for s in meta["sources"]]
    shared = [s["url"] for s in safety.sources_for(meta, safety.load(settings.DATA_DIR)) if s["url"] not in own]
    assert [a["href"] for a in box.select("li a")] == own + shared
    assert format_date(meta["last_reviewed"]) in box.get_text()
    assert box.find("time")["datetime"] == meta["last_reviewed"].isoformat()


@pytest.mark.parametrize("page", ["index.html", "hoi-dap/index.html", "huong-dan/index.html"])
def test_no_guide_furniture_on_other_pages(site, page):
    html = soup(site / page)
    for marker in ("draft-notice", "reviewed-note", "sources", "guide-labels"):
        assert html.select_one(f'[data-bdhvs="{marker}"]') is None, marker


def test_guide_context_from_front_matter():
    meta = {"review": {"status": "reviewed", "reviewer": "Cán bộ Công an xã", "date": "2026-11-21"},
            "last_reviewed": "2026-11-20", "audience": ["students", "citizens"], "platform": "chukyso",
            "sources": [{"title": "A", "url": "https://a.gov.vn", "date": "2025-05-22"}]}
    ctx = guide_context(meta, {"audience": "huong-dan/theo-doi-tuong/", "topic": "huong-dan/"})
    assert ctx["draft"] is False and ctx["reviewer"] == "Cán bộ Công an xã" and ctx["review_date"] == "21/11/2026"
    assert [a["label"] for a in ctx["audiences"]] == ["Người dân", "Học sinh"]  # schema order
    assert ctx["platform"]["anchor"] == "chu-ky-so" and ctx["sources"][0]["date"] == "22/05/2025"
    assert guide_context({"review": {"status": "draft"}}, {})["draft"] is True
    assert guide_context({}, {})["draft"] is True  # no review block: treated as a draft


@pytest.mark.slow
def test_reviewed_guide_shows_who_checked_it_instead_of_the_notice(tmp_path):
    project = guidesite.make_project(tmp_path / "project")
    result = guidesite.build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for lang in ("", "ede/"):
        reviewed = soup(result.site / lang / "huong-dan/da-duyet/index.html")
        assert reviewed.select_one(NOTICE) is None
        note = reviewed.select_one('[data-bdhvs="reviewed-note"]').get_text(" ", strip=True)
        assert "Cán bộ Công an xã" in note and "21/11/2026" in note
        draft = soup(result.site / lang / "huong-dan/ban-nhap/index.html")
        assert draft.select_one(NOTICE) is not None
        assert draft.select_one('[data-bdhvs="reviewed-note"]') is None
    # With no nav in mkdocs.yml, the listings still find both guides.
    home = soup(result.site / "index.html").select("article .bdhvs-tasks a")
    assert sorted(a["href"] for a in home) == ["huong-dan/ban-nhap/", "huong-dan/da-duyet/"]
