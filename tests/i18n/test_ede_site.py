"""The real site's Ede side: the landing page quotes only sourced Ede words, its message
is in Vietnamese, and the Ede navigation labels Vietnamese fallback pages."""
from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup

from bdhvs.i18n import frontmatter, publishing, sources
from bdhvs.settings import DATA_DIR, DOCS_DIR


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_landing_page_is_vietnamese_with_only_sourced_ede_words(site):
    meta = frontmatter.read(DOCS_DIR / "ede/index.md").meta
    assert meta["translation"]["status"] == "sourced"  # not a translation: nobody reviewed Ede prose
    page = soup(site / "ede/index.html")
    content = page.select_one('[data-bdhvs="sourced-content"]')
    assert content["lang"] == "vi"
    assert page.select_one('[data-bdhvs="fallback-notice"]') is None
    assert "chưa có người Êđê duyệt" in page.select_one('[data-bdhvs="sourced-notice"]').get_text()
    ede = [" ".join(el.get_text().split()) for el in content.select('[lang="rad"]')]
    assert {"Klei Êđê", "Hriăm", "Đru", "hdruôm hră"} <= set(ede)
    assert publishing.unsourced_fragments(str(content), sources.sourced_terms(DATA_DIR)) == []
    # every quoted word is in the table at the bottom of the page with its meaning
    table = {" ".join(tr.td.get_text().split()).lower(): tr.select("td")[1].get_text()
             for tr in content.select("table tr") if tr.td}
    assert table["đru"] == "giúp" and table["hriăm"] == "học" and table["klei êđê"] == "tiếng Êđê"
    text = content.get_text(" ")
    for place in ("Trung tâm phục vụ hành chính công xã", "Công an xã", "Tổ công nghệ số cộng đồng"):
        assert place in text
    assert unicodedata.is_normalized("NFC", (DOCS_DIR / "ede/index.md").read_text(encoding="utf-8"))


def test_ede_navigation_marks_vietnamese_fallbacks(site):
    page = soup(site / "ede/index.html")
    links = page.select("nav.md-nav--primary a.md-nav__link[href]")
    marked = {a["href"] for a in links if a.select_one('[data-bdhvs="nav-fallback"]')}
    # no Ede translation yet (the pruned menu lists the sections' first pages on the home)
    assert any(href.startswith("huong-dan/") and href != "huong-dan/" for href in marked), marked
    home = [a for a in links if a["href"] in ("./", ".")]
    assert home and not any(a.select_one('[data-bdhvs="nav-fallback"]') for a in home)
    assert soup(site / "index.html").select('[data-bdhvs="nav-fallback"]') == []
    # On a fallback page, its own entry (link and the table-of-contents toggle) is marked too.
    guide = soup(site / "ede/huong-dan/cai-dat-vneid/index.html")
    label = guide.select_one('label.md-nav__link--active[for="__toc"]')
    assert label.select_one('[data-bdhvs="nav-fallback"]') is not None
    assert guide.select_one('a.md-nav__link--active[href="./"] [data-bdhvs="nav-fallback"]') is not None


def test_editors_status_page_is_built_outside_the_navigation(site):
    page = soup(site / "bien-tap/ban-dich/index.html")
    assert "Chưa dịch" in page.select_one("article table").get_text()
    assert "bien-tap" not in " ".join(a["href"] for a in soup(site / "index.html").select("nav.md-nav--primary a[href]"))


def test_fallback_marker_keeps_the_navigation_text_size_and_colour(server, new_page):
    """The marker sits in Material's typeset title: it must not shrink or fade the entry."""
    recording = new_page(viewport={"width": 1280, "height": 900})
    page = recording.page
    page.goto(server.url + "ede/huong-dan/cai-dat-vneid/")
    style = """(el) => { const s = getComputedStyle(el);
        return {size: s.fontSize, height: s.lineHeight, color: s.color}; }"""
    nav = page.locator("nav.md-nav--primary")
    marked = nav.locator("a.md-nav__link:has([data-bdhvs='nav-fallback'])").first
    plain = nav.locator("a.md-nav__link:not(:has([data-bdhvs='nav-fallback']))").first
    assert marked.is_visible() and plain.is_visible()
    title = marked.locator(".md-typeset").evaluate(style)
    assert title["size"] == plain.locator(".md-ellipsis").evaluate(style)["size"]
    assert title["height"] == plain.locator(".md-ellipsis").evaluate(style)["height"]
    assert marked.locator("[data-bdhvs='nav-fallback']").evaluate(style)["color"] == marked.evaluate(style)["color"]
