"""The search in the real site: one box in the header, nothing of a second engine, nothing
loaded before it is opened, and no Content-Security-Policy violation when served with
the production headers (bdhvs.deploy) under a sub-path."""
from __future__ import annotations

import pytest

from conftest import PHONE
from search_helpers import SUB, open_search, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def prod_server(site):
    from bdhvs.deploy.serve import SiteServer

    srv = SiteServer(site, prefix=SUB)
    yield srv
    srv.close()


@pytest.mark.parametrize("path", ["", "huong-dan/cai-dat-vneid/", "ede/", "ede/huong-dan/cai-dat-vneid/"])
def test_one_search_box_loaded_only_when_opened(prod_server, new_page, path):
    rec = new_page(**PHONE)
    messages = []
    rec.page.on("console", lambda m: messages.append(m.text))
    rec.page.goto(prod_server.url + path, wait_until="networkidle")
    header = rec.page.locator("header")
    assert header.locator("[data-bdhvs-search-open]").count() == 1
    assert header.locator("input.md-search__input, [data-md-component=search]").count() == 0  # no Material search
    assert not [u for u in rec.requests if "search" in u.rsplit("/", 1)[-1] and not u.endswith("/search.js")]
    open_search(rec.page)
    results = search(rec.page, "cai dat vneid")
    assert results and "cai-dat-vneid/" in results[0]["href"]
    assert not [u for u in rec.requests if "search_index" in u or "/workers/search" in u or "/pagefind/" in u]
    assert not [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m], messages
    assert not rec.failed, rec.failed
    # The result link works under the sub-path.
    rec.page.keyboard.press("ArrowDown")
    rec.page.keyboard.press("Enter")
    rec.page.wait_for_url("**/cai-dat-vneid/")
    assert rec.page.url.startswith(prod_server.url)
