"""Helpers for the accessibility and page-weight tests: the list of built pages.
(Not named conftest.py: tests import PHONE etc. from the top-level conftest.)"""
from __future__ import annotations

from pathlib import Path

import pytest

SKIP_DIRS = {"assets", "pagefind", "search", "admin"}  # admin/: the editors' tool (tests/cms/)


def page_paths(site: Path) -> list[str]:
    """URL paths (relative to the site root) of every HTML page of the built site."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if rel.parts[0] in SKIP_DIRS:
            continue
        paths.append(rel.as_posix().removesuffix("index.html"))
    return paths


def guide_paths(site: Path) -> list[str]:
    """The guide pages of both languages (huong-dan/<slug>/, ede/huong-dan/<slug>/)."""
    return [p for p in page_paths(site)
            if p.removeprefix("ede/").startswith("huong-dan/") and p.removeprefix("ede/") != "huong-dan/"]


@pytest.fixture(scope="session")
def all_pages(site) -> list[str]:
    pages = page_paths(site)
    assert len(pages) >= 6, pages
    return pages


@pytest.fixture(scope="session")
def guides(site) -> list[str]:
    found = guide_paths(site)
    assert any(p.startswith("ede/") for p in found) and any(not p.startswith("ede/") for p in found), found
    return found
