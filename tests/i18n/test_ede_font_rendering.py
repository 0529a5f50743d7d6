"""Ede letters are drawn by the site's self-hosted font, in real Chromium.

A fixture page uses the site's own stylesheet (overrides/assets/stylesheets/site.css,
``:lang(rad)`` -> "Noto Sans Ede" = overrides/assets/fonts/noto-sans-ede.woff2) to show
the Ede sample of the research note (ede-language.md §1.4). We check that:
- Chromium downloaded the font and drew EVERY glyph of the sample with it (DevTools
  CSS.getPlatformFontsForNode: one custom font, no fallback font);
- from the pixels, each combining breve (U+0306) is drawn: ơ̆ ư̆ ê̆ ô̆ have ink that ơ ư ê ô
  do not; on ê̆ ô̆ it sits ABOVE the circumflex (no collision, research: DejaVu fails this);
  and it is centred over the letter (research: Be Vietnam Pro pushes it ~16 % em right).
"""
from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from conftest import ROOT, StaticServer

pytestmark = pytest.mark.browser

SAMPLE = "mơ\u0306ng hmư\u0306 čư\u0306 ê\u0306 ô\u0306 Ơ\u0306 Ư\u0306 Ê\u0306 Ô\u0306 ƀuôn blŭ ĭ ĕ"
PAIRS = [("ơ", "ơ\u0306", "o"), ("ư", "ư\u0306", "u"), ("ê", "ê\u0306", "e"), ("ô", "ô\u0306", "o")]
SIZE = 120  # px: 1 em
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<link rel="stylesheet" href="assets/stylesheets/site.css">
<style>.g{{display:block;width:{w}px;height:{h}px;font-size:{s}px;line-height:{h}px;
padding-left:10px;background:#fff;color:#000}} body{{background:#fff;margin:8px}}
#sample{{font-size:32px;color:#000}}</style></head><body>
<p id="sample" lang="rad">{sample}</p>
{glyphs}
</body></html>"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("fontpage")
    (root / "assets/stylesheets").mkdir(parents=True)
    (root / "assets/fonts").mkdir(parents=True)
    shutil.copy(ROOT / "overrides/assets/stylesheets/site.css", root / "assets/stylesheets/site.css")
    shutil.copy(ROOT / "overrides/assets/fonts/noto-sans-ede.woff2", root / "assets/fonts/noto-sans-ede.woff2")
    spans = []
    for n, (base, breve, plain) in enumerate(PAIRS):
        for kind, text in (("base", base), ("breve", breve), ("plain", plain)):
            spans.append(f'<span class="g" id="{kind}{n}" lang="rad">{text}</span>')
    (root / "index.html").write_text(
        PAGE.format(sample=SAMPLE, glyphs="\n".join(spans), w=SIZE, h=int(SIZE * 1.6), s=SIZE),
        encoding="utf-8")
    server = StaticServer(root)
    yield server
    server.close()


@pytest.fixture(scope="module")
def rendered(browser, fixture_site):
    context = browser.new_context(viewport={"width": 900, "height": 1400}, device_scale_factor=1)
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda r: requests.append(r.url))
    page.goto(fixture_site.url + "index.html")
    page.evaluate("document.fonts.ready")
    page.wait_for_function("[...document.fonts].some(f => f.family.includes('Noto Sans Ede') && f.status === 'loaded')")
    yield page, requests
    context.close()


def ink(page, selector, threshold: int = 128) -> list[tuple[int, int]]:
    """Dark pixels of an element's screenshot (each glyph box sits at the same whole-pixel
    x, so the base letter lands on the same pixels with or without its breve)."""
    png = page.locator(selector).screenshot()
    img = Image.open(io.BytesIO(png)).convert("L")
    w, h = img.size
    px = img.load()
    return [(x, y) for y in range(h) for x in range(w) if px[x, y] < threshold]


def test_the_site_font_draws_every_ede_glyph(rendered, tmp_path_factory):
    page, requests = rendered
    assert any(u.endswith("/assets/fonts/noto-sans-ede.woff2") for u in requests)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#sample"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert [f["isCustomFont"] for f in fonts] == [True], fonts  # one font, the web font
    assert fonts[0]["familyName"] == "Noto Sans"
    assert fonts[0]["glyphCount"] == len(SAMPLE)  # breves drawn by the same font (no fallback)
    shot = tmp_path_factory.getbasetemp() / "ede-font-render.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("n", range(len(PAIRS)), ids=[p[1] for p in PAIRS])
def test_breve_is_drawn_above_and_centred(rendered, n):
    page, _ = rendered
    base = set(ink(page, f"#base{n}"))
    base_any = set(ink(page, f"#base{n}", threshold=250))  # incl. anti-aliased edges
    breve = set(ink(page, f"#breve{n}"))
    plain = ink(page, f"#plain{n}")
    added = breve - base_any
    assert len(added) > SIZE * SIZE * 0.004, "no breve ink"  # at least ~58 px at 120 px/em
    base_top = min(y for _, y in base)
    plain_top = min(y for _, y in plain)
    # The breve is above the letter (for ê ô: above the circumflex, not overlapping it).
    assert max(y for _, y in added) < base_top + 2
    assert sum(1 for _, y in added if y >= plain_top) == 0
    # ...and centred over the letter's bowl (plain o/u/e), within 8 % of an em.
    breve_x = sum(x for x, _ in added) / len(added)
    letter_x = sum(x for x, _ in plain) / len(plain)
    assert abs(breve_x - letter_x) < SIZE * 0.08, (breve_x, letter_x)
