"""Held-back phone queries (tests/search/queries-phone-held-back.yml), written before the
issue-24 rules for "tai vneid" / "ma otp" were changed and never used to tune them: typed
key by key on the real site in Chromium on a 360×740 phone, a right guide is among the
first three results."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PHONE
from search_helpers import close_phone_search, paths, phone_search, type_query

from bdhvs.search.quality import GUIDE_PREFIX, load_queries

pytestmark = pytest.mark.browser

QUERIES = load_queries(Path(__file__).with_name("queries-phone-held-back.yml"))


def test_the_held_back_set_is_big_enough():
    assert len(QUERIES) >= 10
    assert sum(q.text.isascii() for q in QUERIES) >= 10  # typed without marks, as on most phones


@pytest.fixture(scope="module")
def typed(site, browser):
    page, srv = phone_search(site, browser, PHONE)
    yield page, srv
    close_phone_search(page, srv)


@pytest.mark.parametrize("query", QUERIES, ids=[q.text for q in QUERIES])
def test_held_back_phone_query_finds_a_right_guide(typed, site, query):
    page, srv = typed
    wanted = [f"{GUIDE_PREFIX}{slug}/" for slug in query.expected]
    assert all((site / w / "index.html").is_file() for w in wanted), f"update {query.text!r}: {wanted}"
    found = paths(type_query(page, query.text), srv.url)
    assert set(wanted) & set(found[:3]), (query.text, found[:5])
