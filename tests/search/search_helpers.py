"""Search test helpers: the fixed fixture site, and driving the search dialog like a reader."""
from __future__ import annotations


import pytest

from conftest import StaticServer
from fixture_site import make_fixture_site

SUB = "/binh-dan-hoc-vu-so/"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    return make_fixture_site(tmp_path_factory.mktemp("search-fixture") / "site")


@pytest.fixture(scope="session")
def fixture_server(fixture_site):
    srv = StaticServer(fixture_site, prefix=SUB)  # hosted under a sub-path
    yield srv
    srv.close()


def phone_search(site, browser, phone: dict):
    """The built site served under the commune's sub-path, opened on a phone with the search
    dialog open: (page, server), for a module fixture to yield and close with close_phone_search."""
    srv = StaticServer(site, prefix=SUB)
    context = browser.new_context(**phone)
    page = context.new_page()
    page.goto(srv.url)
    open_search(page)
    return page, srv


def close_phone_search(page, srv) -> None:
    page.context.close()
    srv.close()


def open_search(page, key="/"):
    """Open search with the keyboard shortcut, as a reader would; return the input."""
    page.wait_for_selector("[data-bdhvs-search-open]:not([hidden])")
    page.keyboard.press(key)
    page.wait_for_selector("#bdhvs-search-input", state="visible")
    return page.locator("#bdhvs-search-input")


def search(page, query: str, timeout: float = 15000) -> list[dict]:
    """Type a query in the open dialog; return the shown results (href, title, label, lang)."""
    page.fill("#bdhvs-search-input", query)
    return search_results(page, query, timeout)


def type_query(page, query: str, timeout: float = 15000) -> list[dict]:
    """Like :func:`search`, but typed key by key as a person types on a phone (every
    intermediate query runs, as it does for a reader)."""
    box = page.locator("#bdhvs-search-input")
    box.fill("")
    box.press_sequentially(query, delay=30)
    return search_results(page, query, timeout)


def search_results(page, query: str, timeout: float = 15000) -> list[dict]:
    page.wait_for_function(
        "q => document.getElementById('bdhvs-search-results').dataset.query === q", arg=query, timeout=timeout
    )
    return page.eval_on_selector_all(
        ".bdhvs-search__result",
        """els => els.map(e => ({href: e.href, title: e.querySelector('.bdhvs-search__title').textContent,
             label: (e.querySelector('.bdhvs-search__lang') || {}).textContent || '', lang: e.lang,
             excerpt: e.querySelector('.bdhvs-search__excerpt').innerHTML}))""",
    )


def paths(results: list[dict], base: str) -> list[str]:
    """Result links relative to the site root ("chu-ky-so/")."""
    return [r["href"][len(base):] if r["href"].startswith(base) else r["href"] for r in results]


__all__ = ["fixture_site", "fixture_server", "open_search", "search", "type_query", "paths", "SUB"]
