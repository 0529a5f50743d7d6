"""The real site: every guide image is published rendered, sized and described; no
source screenshot, annotation file or eager video player reaches the site."""
from __future__ import annotations

import gzip

import pytest
from bs4 import BeautifulSoup

from bdhvs import settings
from bdhvs.media import check


def test_media_of_the_real_guides_has_no_finding():
    assert check.check_all() == []


def test_no_source_or_annotation_file_is_published(site):
    published = [p for p in (site / "huong-dan").rglob("*") if p.is_file() and p.suffix.lower() in
                 (".png", ".jpg", ".jpeg", ".yml", ".yaml", ".txt")]
    assert published == []


def test_every_content_image_has_alt_width_height_and_no_page_embeds_a_player(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    seen = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        article = soup.select_one("article")
        assert not soup.select("iframe"), page
        if article is None:
            continue
        for img in article.select("img"):
            seen += 1
            assert img.get("alt") is not None and img.get("width") and img.get("height"), (page, img)
    assert seen >= 5  # at least the guides' sketches


def _sketch_figures(site):
    """Every sketch figure on the Vietnamese guide pages, by the published file it shows
    (a guide's own folder, or a shared one such as huong-dan/chung/ for the addresses list)."""
    shown = {}
    for page in (site / "huong-dan").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("figure.bdhvs-shot--sketch img"):
            target = (page.parent / img["src"]).resolve()
            shown.setdefault(target, img.find_parent("figure"))
    return shown


def test_sketches_in_the_guides_are_captioned_as_illustrations(site):
    sketches = sorted(settings.MEDIA_DIR.glob("*/*.yml"))
    assert sketches, "the guides have no sketch"
    shown = _sketch_figures(site)
    for yml in sketches:
        slug, name = yml.parent.name, yml.stem
        if (yml.parent / f"{name}.png").exists():
            continue
        published = (site / "huong-dan" / slug / f"{name}.svg").resolve()
        figure = shown.get(published)
        assert figure is not None, (slug, name)  # some guide page shows it, as a sketch
        assert "Hình minh hoạ" in figure.figcaption.get_text()
        assert len(gzip.compress(published.read_bytes(), 6)) <= settings.SKETCH_BUDGET_GZIP, (slug, name)


@pytest.mark.browser
def test_sketch_text_stays_inside_the_drawn_phone(site, browser):
    """Sketches are SVG with text in the reader's font (issue 24): in a real Chromium, every
    label of every published sketch stays inside the phone screen it is drawn on, and the
    banner inside the image."""
    sketches = sorted((site / "huong-dan").glob("*/*.svg"))
    assert sketches
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        for svg in sketches:
            page.goto(svg.as_uri())
            boxes = page.evaluate("""() => {
              const svg = document.documentElement, vb = svg.viewBox.baseVal;
              const screen = [...svg.querySelectorAll('rect')].find(r => r.getAttribute('fill') === '#ffffff');
              const s = screen.getBBox();
              return {vb: [vb.width], screen: [s.x, s.x + s.width],
                      texts: [...svg.querySelectorAll('text')].map(t => {
                        const b = t.getBBox(); return [t.textContent, b.x, b.x + b.width, +t.getAttribute('y')]; })};
            }""")
            left, right = boxes["screen"]
            *labels, banner = boxes["texts"]
            for text, x0, x1, _ in labels:
                assert left <= x0 and x1 <= right, (svg.name, text, x0, x1, left, right)
            assert 0 <= banner[1] and banner[2] <= boxes["vb"][0], (svg.name, banner)
    finally:
        page.close()
