"""Escape by construction, checked in what is built: a guide whose front-matter strings
(title, description, a source's title and publisher, a prerequisite, the reviewer) are
hostile HTML is built with the real theme. The build reports FM-HTML at each line, and
in every built file an HTML parser finds the strings as TEXT: no element or attribute was
injected (no script, no event handler, no meta refresh, no iframe); in a real Chromium
nothing runs and nothing is requested from the payload's address."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

import gatekit
from conftest import StaticServer, build_site

PAGE = "docs/vi/huong-dan/tieu-de-doc.md"
URL = "huong-dan/tieu-de-doc/"
EVIL = "evil.example"
TITLE = 'Đăng ký <script src="https://evil.example/x.js"></script><img src=x onerror=alert(1)>'
DESCRIPTION = 'Mô tả"><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>alert(2)</script>'
SOURCE_TITLE = "<svg onload=alert(3)>Nguồn</svg>"
PUBLISHER = '<a href="https://evil.example/">Bộ Công an</a>'
PREREQ = '<iframe src="https://evil.example/"></iframe>'
REVIEWER = "<script>alert(4)</script>"
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "http-equiv"}
HOSTILE = [TITLE, DESCRIPTION, SOURCE_TITLE, PUBLISHER, PREREQ, REVIEWER]


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


GUIDE = f"""---
title: {_q(TITLE)}
description: {_q(DESCRIPTION)}
page_type: guide
audience: [citizens]
platform: vneid
plan_task: "III.4"
time_minutes: 5
prerequisites:
  - {_q(PREREQ)}
sources:
  - title: {_q(SOURCE_TITLE)}
    publisher: {_q(PUBLISHER)}
    url: https://example.gov.vn/nguon-thu
    date: 2025-07-05
last_reviewed: 2026-11-20
review:
  status: reviewed
  reviewer: {_q(REVIEWER)}
  date: 2026-11-21
---

# Hướng dẫn có tiêu đề độc

## Các bước

1. Mở VNeID.
"""
LINES = {"FM-HTML": [2, 3, 10, 12, 13, 19]}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("escape")
    project = gatekit.make_project(base / "project")
    (project / PAGE).write_text(GUIDE, encoding="utf-8")
    return build_site(base / "site", config=project / "mkdocs.yml")


def test_the_build_reports_each_hostile_string_at_its_line(built):
    assert not gatekit.tracebacks(built.output), built.output
    for line in LINES["FM-HTML"]:
        assert gatekit.reported(built.output, f"{PAGE}:{line} FM-HTML"), built.output
    assert built.returncode != 0  # strict: a finding fails the build


def _html_files(site):
    return [p for p in site.rglob("*.html")]


def test_no_element_or_attribute_is_injected_in_any_built_page(built):
    pages = _html_files(built.site)
    assert (built.site / URL / "index.html").exists(), "the page was not built: nothing was checked"
    assert len(pages) > 5
    for path in pages:
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in doc.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), (path, tag.name, attr)
                text = " ".join(value) if isinstance(value, list) else str(value)
                if attr.lower() in URL_ATTRS:  # the payload's address never became a link or a source
                    assert EVIL not in text, (path, tag.name, attr, text)
        assert not doc.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}), path
        assert not doc.find(["iframe", "svg"], src=True), path
        for script in doc.find_all("script"):
            assert EVIL not in (script.get("src") or "") and "alert(" not in script.get_text(), (path, script)


def test_the_strings_are_shown_as_text_where_readers_see_them(built):
    doc = BeautifulSoup((built.site / URL / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert TITLE in doc.title.get_text()
    assert doc.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    sources = doc.select_one('[data-bdhvs="sources"]').get_text(" ")
    assert SOURCE_TITLE in sources and PUBLISHER in sources
    assert REVIEWER in doc.select_one('[data-bdhvs="reviewed-note"]').get_text()
    home = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(TITLE in a.get_text() for a in home.select("nav a")), "the title is in every page's navigation"


def test_search_index_holds_no_markup(built):
    """The search index (written after the last language; the strict build stopped before)
    holds the title as escaped JSON text."""
    from bdhvs.search import writer

    writer.build_search_index(built.site)
    files = list((built.site / "search-index").rglob("*.js"))
    assert files
    joined = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "evil.example/x.js" in joined  # the title is indexed…
    assert "<script" not in joined and "<img" not in joined and "<svg" not in joined  # …as text


@pytest.mark.browser
@pytest.mark.parametrize("path", [URL, ""])
def test_nothing_runs_in_chromium(built, new_page, path):
    server = StaticServer(built.site)
    try:
        rec = new_page()
        dialogs = []
        rec.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        response = rec.page.goto(server.url + path, wait_until="networkidle")
        assert response.ok
        rec.page.wait_for_timeout(500)
        assert rec.requests, "no request recorded: the recorder is broken"
        assert dialogs == []
        assert [u for u in rec.requests if EVIL in u] == []
        assert rec.page.url.startswith(server.url), "the page was redirected"
        if path == URL:
            assert rec.page.title().startswith(TITLE)
            assert rec.page.evaluate("document.querySelectorAll('script[src*=\"evil\"], [onerror], [onload]').length") == 0
    finally:
        server.close()
