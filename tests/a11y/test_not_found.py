"""A wrong address gets the Vietnamese 404 page (served as the commune's web server does,
scripts/bdhvs/deploy/serve.py): what happened, a search field that works, the top tasks."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from bdhvs.deploy.serve import SiteServer
from conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def real_server(site):
    with SiteServer(site) as srv:
        yield srv


@pytest.mark.parametrize("missing", ["khong-co-trang-nay/", "ede/huong-dan/khong-co/"])
def test_missing_page_shows_vietnamese_help(real_server, new_page, missing):
    page = new_page(**PHONE).page
    response = page.goto(real_server.url + missing)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "vi"
    title = page.locator("article h1").inner_text()
    assert "Không tìm thấy trang" in title
    assert page.locator("article").get_by_role("searchbox").is_visible()
    tasks = page.locator("article .bdhvs-home-tasks a")
    assert tasks.count() >= 6
    # Every link of the page works from this depth (no link into a broken or Ede-only place).
    for href in page.eval_on_selector_all("article a[href]", "as => as.map(a => a.getAttribute('href'))"):
        url = urljoin(page.url, href)
        assert not url.startswith(real_server.url + "ede/"), href
        assert page.request.get(url).status == 200, href


def test_search_field_on_the_404_page_finds_guides(real_server, new_page):
    page = new_page(**PHONE).page
    page.goto(real_server.url + "trang-cu/")
    field = page.locator("article").get_by_role("searchbox")
    field.fill("mật khẩu vneid")
    field.press("Enter")
    page.wait_for_selector("dialog[open] .bdhvs-search__result")
    first = page.locator("dialog[open] .bdhvs-search__result").first
    assert "/huong-dan/" in first.get_attribute("href")
    # On a phone the hint speaks of tapping, not of arrow keys.
    status = page.locator("dialog[open] .bdhvs-search__status").inner_text()
    assert "↑" not in status and "Chạm" in status
