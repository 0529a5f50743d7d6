"""In a real Chromium: reading a page contacts no one but the site itself."""
import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

PAGES = ["", "huong-dan/cai-dat-vneid/", "ede/", "ede/huong-dan/cai-dat-vneid/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_load_makes_no_third_party_request(server, new_page, path):
    rec = new_page(**PHONE)
    response = rec.page.goto(server.url + path, wait_until="networkidle")
    assert response.ok
    rec.page.wait_for_timeout(300)
    assert rec.requests, "no request recorded: the recorder is broken"
    assert rec.third_party(server.origin) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_load_requests_nothing_missing(server, new_page, path):
    rec = new_page(**PHONE)
    rec.page.on("response", lambda r: r.status >= 400 and rec.failed.append(f"{r.status} {r.url}"))
    rec.page.goto(server.url + path, wait_until="networkidle")
    rec.page.wait_for_timeout(300)
    assert rec.failed == []
