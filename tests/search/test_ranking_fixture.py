"""Search rules on a small fixed site (tests/search/fixture_site.py), in real Chromium,
served under a sub-path: ranking, d/đ, Ede + Vietnamese fallbacks, keyboard, offline."""
from __future__ import annotations

import json

import pytest

from conftest import PHONE
from search_helpers import fixture_server, fixture_site, open_search, paths, search  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def vi_page(fixture_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(fixture_server.url + "dinh-danh/")
    open_search(rec.page)
    return rec


@pytest.fixture
def ede_page(fixture_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(fixture_server.url + "ede/")
    open_search(rec.page)
    return rec


def top(rec, server, query, n=None):
    found = paths(search(rec.page, query), server.url)
    return found[:n] if n else found


@pytest.mark.parametrize("query", ["chữ ký số", "chu ky so", "CHU KY SO", "chu ky"])
def test_title_match_beats_body_match(vi_page, fixture_server, query):
    found = top(vi_page, fixture_server, query)
    assert "chu-ky-so/" in found and "huong-dan-chung/" in found, found
    assert found.index("chu-ky-so/") < found.index("huong-dan-chung/"), found


def test_exact_diacritics_rank_above_folded_match(vi_page, fixture_server):
    # Same page shape; one word differs only by its tone mark.
    assert top(vi_page, fixture_server, "mã")[0] == "ma-xac-nhan/"
    assert top(vi_page, fixture_server, "Nhập mã")[0] == "ma-xac-nhan/"
    assert {"ma-xac-nhan/", "con-ma/"} <= set(top(vi_page, fixture_server, "ma"))  # plain: both
    # Typed with marks, the exact word beats a title that only matches folded ("dẫn").
    found = top(vi_page, fixture_server, "dân")
    assert found[0] == "dan-toc/", found
    assert found.index("dan-toc/") < found.index("huong-dan-chung/"), found


def test_d_finds_dj(vi_page, fixture_server):
    found = top(vi_page, fixture_server, "ghi ten dan")
    assert {"dan-toc/", "dan-ghi-ta/"} == set(found[:2]), found
    assert top(vi_page, fixture_server, "đàn")[0] == "dan-ghi-ta/"
    assert top(vi_page, fixture_server, "dàn")[0] == "dan-ghi-ta/"  # d typed, tone mark right


@pytest.mark.parametrize("query", ["dinh danh", "DINH DANH", "định danh", "đinh danh", "dinh", "dinh da"])
def test_d_for_dj_any_case_and_partial(vi_page, fixture_server, query):
    assert top(vi_page, fixture_server, query, 1) == ["dinh-danh/"]


def test_header_words_are_not_indexed(vi_page, fixture_server):
    assert top(vi_page, fixture_server, "thuat ngu") == []
    status = vi_page.page.locator(".bdhvs-search__status").inner_text()
    assert "Không tìm thấy" in status


def test_results_show_title_excerpt_and_highlight(vi_page):
    results = search(vi_page.page, "chu ky so")
    first = results[0]
    assert first["title"] == "Chữ ký số"
    assert "<mark>" in first["excerpt"]
    assert vi_page.page.locator(".bdhvs-search__result >> nth=0 >> .bdhvs-search__title mark").count() == 3
    assert first["label"] == ""  # a Vietnamese page in the Vietnamese site: no language label


def test_ede_page_searches_ede_and_labelled_vietnamese_fallbacks(ede_page, fixture_server):
    results = search(ede_page.page, "chu ky so")
    found = paths(results, fixture_server.url)
    # The Vietnamese page is shown at its Ede address, once, labelled Vietnamese.
    assert found[0] == "ede/chu-ky-so/", found
    assert results[0]["label"] == "Tiếng Việt" and results[0]["lang"] == "vi"
    assert len(found) == len(set(found))
    assert not [p for p in found if not p.startswith("ede/")], found
    # Ede text, typed without Ede marks (ƀ, đ, breves).
    for query, expected in [("buon", "ede/"), ("Êđê", "ede/"), ("ede", "ede/"), ("mong hmu co", "ede/co-ban-dich/")]:
        results = search(ede_page.page, query)
        assert expected in paths(results, fixture_server.url)[:3], (query, results)
        ede_result = results[paths(results, fixture_server.url).index(expected)]
        assert ede_result["label"] == "" and ede_result["lang"] == "rad"


def test_translated_page_shows_its_ede_version_not_the_vietnamese_one(ede_page, fixture_server):
    found = paths(search(ede_page.page, "dien thoai an toan"), fixture_server.url)
    assert "co-ban-dich/" not in found and "ede/co-ban-dich/" not in found  # Vietnamese words
    found = paths(search(ede_page.page, "ñu"), fixture_server.url)
    assert found[:1] == ["ede/co-ban-dich/"]


def test_fallbacks_are_not_indexed_twice(fixture_site):
    from fixture_site import EDE_FALLBACKS, EDE_PAGES, RULE_PAGES, VI_PAGES

    def meta(lang):
        text = (fixture_site / "search-index" / lang / "meta.js").read_text(encoding="utf-8")
        return json.loads(text[text.index(",") + 1: text.rindex(")")])

    assert meta("vi")["n"] == len(VI_PAGES) + len(RULE_PAGES)  # editors' pages are not indexed
    assert meta("rad")["n"] == len(EDE_PAGES)  # fallbacks are not in the Ede index…
    assert len(meta("vi")["ede"]) == len(EDE_FALLBACKS)  # …their Vietnamese twin is shown
    assert EDE_FALLBACKS


def test_keyboard_navigation_and_escape(vi_page, fixture_server):
    page = vi_page.page
    search(page, "chu ky so")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator(".bdhvs-search__result >> nth=1")
    assert second.get_attribute("aria-selected") == "true"
    assert page.get_attribute("#bdhvs-search-input", "aria-activedescendant") == second.get_attribute("id")
    page.keyboard.press("ArrowUp")
    first = page.locator(".bdhvs-search__result >> nth=0")
    assert first.get_attribute("aria-selected") == "true"
    href = first.evaluate("a => a.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert page.url == fixture_server.url + "chu-ky-so/"
    # On the new page: "s" opens search, Escape closes it and gives focus back to the button.
    open_search(page, key="s")
    assert page.locator("dialog.bdhvs-search__dialog").evaluate("d => d.open")
    page.keyboard.press("Escape")
    assert not page.locator("dialog.bdhvs-search__dialog").evaluate("d => d.open")
    page.wait_for_function("document.activeElement.hasAttribute('data-bdhvs-search-open')", timeout=2000)


def test_control_is_labelled(vi_page):
    page = vi_page.page
    label = page.locator("label[for=bdhvs-search-input]")
    assert label.inner_text().strip()
    assert page.get_attribute("[data-bdhvs-search-open]", "aria-label")
    assert page.get_attribute("#bdhvs-search-input", "role") == "combobox"
    assert page.get_attribute("#bdhvs-search-results", "role") == "listbox"


def test_nothing_loads_before_search_is_opened(fixture_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(fixture_server.url + "chu-ky-so/", wait_until="networkidle")
    assert not [u for u in rec.requests if "search-index" in u or "search-ui" in u or "search.css" in u]
    open_search(rec.page)
    search(rec.page, "vneid")
    assert [u for u in rec.requests if u.endswith("search-index/vi/meta.js")]
    shards = [u for u in rec.requests if "/search-index/vi/t/" in u]
    assert shards and all(u.rsplit("/", 1)[1].startswith("vn") for u in shards), shards  # only what "vneid" needs
    assert all(u.startswith(fixture_server.url) for u in rec.requests if u.startswith("http")), rec.requests
    assert not rec.failed and not rec.console_errors, (rec.failed, rec.console_errors)
