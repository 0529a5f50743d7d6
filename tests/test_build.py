"""The foundation: a strict, warning-free bilingual build with correct languages."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from bdhvs.content.slugs import slugify

GUIDE = "huong-dan/cai-dat-vneid/index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_strict_build_has_no_warnings(built):
    lines = [l for l in built.output.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", l)]
    assert lines == []
    # Material's MkDocs-2.0 / end-of-life banner is silenced by its documented switch.
    assert "MkDocs 2.0" not in built.output and "end of life" not in built.output


def test_both_languages_are_built_with_the_same_paths(site):
    vi_pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")
                if not p.relative_to(site).as_posix().startswith(("ede/", "admin/"))}  # admin/: editors' tool
    assert "index.html" in vi_pages and GUIDE in vi_pages
    for page in vi_pages:
        assert (site / "ede" / page).exists(), f"/ede/{page} missing"


def test_html_lang_values(site):
    assert soup(site / "index.html").html["lang"] == "vi"
    assert soup(site / GUIDE).html["lang"] == "vi"
    assert soup(site / "ede" / "index.html").html["lang"] == "rad"
    assert soup(site / "ede" / GUIDE).html["lang"] == "rad"


def test_fallback_page_is_marked_vietnamese_with_a_notice(site):
    page = soup(site / "ede" / GUIDE)
    notice = page.select_one('[data-bdhvs="fallback-notice"]')
    assert notice is not None
    assert "chưa được dịch sang tiếng Êđê" in notice.get_text()
    assert notice.select_one('[lang="rad"]').get_text() == "Klei blŭ Việt"
    content = page.select_one('[data-bdhvs="fallback-content"]')
    assert content["lang"] == "vi"
    assert " ".join(content.find("h1").get_text(" ").split()).startswith("Cài đặt ứng dụng VNeID")
    # The Vietnamese original carries no notice.
    assert soup(site / GUIDE).select_one('[data-bdhvs="fallback-notice"]') is None


def test_translated_ede_page_has_no_fallback_notice(site):
    page = soup(site / "ede" / "index.html")
    assert page.select_one('[data-bdhvs="fallback-notice"]') is None


def test_ede_ui_in_vietnamese_is_marked_lang_vi(site):
    page = soup(site / "ede" / "index.html")
    header = page.select_one("header.md-header")
    assert header.find_parent(attrs={"lang": True})["lang"] == "vi"


def _switcher(page: BeautifulSoup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in page.select('a[data-bdhvs="language-link"]')}


def test_language_switcher_points_at_the_same_page(site):
    links = _switcher(soup(site / GUIDE))
    target = (site / "huong-dan/cai-dat-vneid" / links["rad"] / "index.html").resolve()
    assert target == (site / "ede" / GUIDE).resolve()
    back = _switcher(soup(site / "ede" / GUIDE))
    target = (site / "ede/huong-dan/cai-dat-vneid" / back["vi"] / "index.html").resolve()
    assert target == (site / GUIDE).resolve()


def test_every_page_switches_to_its_counterpart(site):
    for page_path in site.rglob("index.html"):
        rel = page_path.relative_to(site).as_posix()
        if rel.startswith("admin/"):  # the editors' tool, not a page of the site (tests/cms/)
            continue
        twin_rel = rel[len("ede/"):] if rel.startswith("ede/") else "ede/" + rel
        links = _switcher(soup(page_path))
        other = "vi" if rel.startswith("ede/") else "rad"
        resolved = (page_path.parent / links[other] / "index.html").resolve()
        assert resolved == (site / twin_rel).resolve(), rel


def test_hreflang_uses_bcp47(site):
    assert set(_switcher(soup(site / GUIDE))) == {"rad"}
    assert set(_switcher(soup(site / "ede" / GUIDE))) == {"vi"}
    # The head carries none (Material would fetch sitemap.xml for each on every load);
    # search engines get the alternates from i18n's sitemap.xml.
    assert soup(site / GUIDE).head.select('link[rel="alternate"][hreflang]') == []
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="rad"' in sitemap and 'hreflang="ede"' not in sitemap


def test_vietnamese_safe_anchors(site):
    assert slugify("Đăng ký tài khoản định danh điện tử") == "dang-ky-tai-khoan-dinh-danh-dien-tu"
    assert slugify("Bạn cần chuẩn bị") == "ban-can-chuan-bi"
    ids = {h.get("id") for h in soup(site / GUIDE).select("h2")}
    assert {"ban-can-chuan-bi", "cac-buoc", "an-toan"} <= ids


def test_no_google_fonts_or_external_assets_in_html(site):
    for page_path in site.rglob("*.html"):
        html = page_path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page_path
        page = soup(page_path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in page.find_all(tag):
                value = el.get(attr) or ""
                if tag == "link" and "stylesheet" not in (el.get("rel") or []) and "icon" not in (el.get("rel") or []):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (page_path, value)
