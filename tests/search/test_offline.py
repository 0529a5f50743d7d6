"""Search in the offline copy opened from file:// (Pagefind cannot run there), tested the
way the USB bundle is used: write_offline_index() on the copied site, open index.html
directly in Chromium with networking off."""
from __future__ import annotations

import shutil

import pytest

from conftest import PHONE
from fixture_site import make_fixture_site
from search_helpers import open_search, search

from bdhvs.search.offline import write_offline_index

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def usb_copy(tmp_path_factory):
    site = make_fixture_site(tmp_path_factory.mktemp("usb") / "site")
    written = write_offline_index(site)
    assert (site / "search-index" / "vi" / "meta.js") in written
    return site


def offline_page(new_page, url):
    rec = new_page(**PHONE, offline=True)  # networking disabled
    rec.page.goto(url)
    return rec


def test_search_works_from_file_url(usb_copy, new_page):
    rec = offline_page(new_page, (usb_copy / "dinh-danh" / "index.html").as_uri())
    open_search(rec.page)
    for query in ["dinh danh", "chu ky so", "chữ ký số", "CHU KY", "dinh da"]:
        results = search(rec.page, query)
        assert results, query
        expected = "dinh-danh" if query.lower().startswith("dinh") else "chu-ky-so"
        assert results[0]["href"] == (usb_copy / expected / "index.html").as_uri(), (query, results)
    results = search(rec.page, "chu ky so")
    assert rec.page.locator(".bdhvs-search__result >> nth=0 >> mark").count() >= 3  # highlighted
    # Title beats body, exact marks beat folded, header words are not indexed.
    hrefs = [r["href"] for r in results]
    assert hrefs.index((usb_copy / "chu-ky-so/index.html").as_uri()) < hrefs.index(
        (usb_copy / "huong-dan-chung/index.html").as_uri())
    assert search(rec.page, "mã")[0]["href"].endswith("ma-xac-nhan/index.html")
    assert search(rec.page, "dân")[0]["href"].endswith("dan-toc/index.html")
    assert search(rec.page, "thuat ngu") == []
    # The result opens.
    search(rec.page, "chu ky so")
    rec.page.keyboard.press("ArrowDown")
    rec.page.keyboard.press("Enter")
    rec.page.wait_for_url("**/chu-ky-so/index.html")
    assert not [u for u in rec.requests if u.startswith("http")]
    assert not rec.console_errors, rec.console_errors


def test_ede_offline_shows_fallbacks_labelled(usb_copy, new_page):
    rec = offline_page(new_page, (usb_copy / "ede" / "index.html").as_uri())
    open_search(rec.page)
    results = search(rec.page, "chu ky so")
    assert results[0]["href"] == (usb_copy / "ede/chu-ky-so/index.html").as_uri()
    assert results[0]["label"] == "Tiếng Việt" and results[0]["lang"] == "vi"
    hrefs = [r["href"] for r in results]
    assert len(hrefs) == len(set(hrefs)) and all("/ede/" in h for h in hrefs), hrefs
    assert search(rec.page, "hdra sang")[0]["href"] == (usb_copy / "ede/index.html").as_uri()
    assert (usb_copy / "ede/index.html").as_uri() in [r["href"] for r in search(rec.page, "buon")][:3]
    assert search(rec.page, "mong hmu")[0]["href"] == (usb_copy / "ede/co-ban-dich/index.html").as_uri()
    assert not [h for h in (r["href"] for r in search(rec.page, "dien thoai an toan")) if "co-ban-dich" in h]


def test_copy_without_offline_index_explains_in_vietnamese(tmp_path, usb_copy, new_page):
    bare = tmp_path / "bare"
    shutil.copytree(usb_copy, bare)
    shutil.rmtree(bare / "search-index")
    rec = offline_page(new_page, (bare / "index.html").as_uri())
    open_search(rec.page)
    status = rec.page.locator(".bdhvs-search__status")
    status.filter(has_text="ngoại tuyến").wait_for()
    assert "không có bộ tìm kiếm ngoại tuyến" in status.inner_text()
