"""Glossary: the data file, the Thuật ngữ page and the hover/tap explanations."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bdhvs.content import glossary
from bdhvs.settings import DATA_DIR
from content_helpers import guide_url, soup

TERMS = glossary.load(DATA_DIR / "glossary.yml")


def test_tooltips_file_is_in_sync_with_the_glossary():
    assert (DATA_DIR / "glossary-abbr.md").read_text(encoding="utf-8") == glossary.render_abbr(TERMS), (
        "data/glossary-abbr.md cũ hơn data/glossary.yml: chạy `make site` để tạo lại, rồi commit cả hai tệp.")


def test_every_term_has_a_source_and_no_unsourced_ede_word():
    assert len(TERMS) >= 15
    for term in TERMS:
        assert term.source_url.startswith("https://") and term.source_title
        if term.ede:
            assert term.ede_source and term.ede_status in ("sourced", "reviewed")
        else:
            assert term.ede_status == "wanted"


def test_glossary_page_lists_every_term_with_its_source(site):
    article = soup(site / "thuat-ngu" / "index.html").select_one("article")
    shown = [" ".join(dt.get_text(" ", strip=True).split()) for dt in article.select("dl dt")]
    assert shown == sorted((t.term for t in TERMS), key=str.casefold)
    links = {a["href"] for a in article.select("dd a")}
    assert {t.source_url for t in TERMS} <= links


def test_unreviewed_ede_words_are_not_published(tmp_path):
    term = glossary.Term("VNeID", "Ứng dụng định danh.", "Nguồn", "https://a.gov.vn", "từ-thử", "sourced", "x", 1)
    assert "từ-thử" not in glossary.render_page([term])
    assert "từ-thử" in glossary.render_page([term], show_unreviewed_ede=True)
    reviewed = dataclasses.replace(term, ede_status="reviewed")
    assert 'lang="rad">từ-thử' in glossary.render_page([reviewed])


@pytest.mark.parametrize("lang", ["vi", "ede"])
def test_terms_are_explained_on_guide_pages(site, lang):
    page = soup(site / guide_url("bao-ve-tai-khoan", lang) / "index.html")
    titles = {a.get_text(): a["title"] for a in page.select("article abbr[title]")}
    definitions = {t.term: t.definition for t in TERMS}
    assert titles.get("OTP") == definitions["OTP"]
    assert titles.get("passcode") == definitions["passcode"]
    # Explained once per page (first use), focusable so a tap shows it.
    abbrs = page.select("article abbr[title]")
    assert len(abbrs) == len({a.get_text() for a in abbrs})
    assert all(a.get("tabindex") == "0" for a in abbrs)
    assert "VNeID" in page.select_one("article").get_text()  # later uses stay as plain text
    assert page.select("article h1 abbr, article h2 abbr, article a abbr") == []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, line, words", [
    ("- term: OTP\n  definition: Mã.\n", 1, "source"),
    ("- term: A\n  definition: B\n  source: {title: T, url: https://a.vn}\n"
     "- term: OTP\n  definition: Mã\n  source: {title: T, url: http://a.vn}\n", 6, "https://"),  # the url's own line
    ("- term: A\n  definition: B\n  source: {title: T, url: https://a.vn}\n  ede: ka\n  ede_status: wanted\n", 1,
     "wanted"),
    ("- term: A\n  definition: B\n  source: {title: T, url: https://a.vn}\n  ede: ka\n  ede_status: sourced\n", 1,
     "ede_source"),
    ("- term: A\n  definition: B\n  source: {title: T, url: https://a.vn}\n"
     "- term: A\n  definition: C\n  source: {title: T, url: https://a.vn}\n", 4, "bị lặp"),
    ("- term: A\n  definition: [B\n", 2, "cú pháp"),  # the unclosed "[" (yamlfast: where the error starts)
])
def test_bad_glossary_gives_a_vietnamese_error_with_the_line(tmp_path, text, line, words):
    with pytest.raises(glossary.GlossaryError) as info:
        glossary.load(_write(tmp_path, text))
    message = str(info.value)
    assert f"glossary.yml:{line}:" in message and words in message and "Cách sửa" in message
