"""Printing a guide (Chromium's page.pdf, as Ctrl+P and `bdhvs handouts` do) and showing
it on a projector, in a real Chromium:
- the first print already has every image (none left out because it was loaded lazily);
- the QR code is never alone on the last page: it stays with the end of the guide;
- in projector mode every step (text and picture) fits a 1280x720 screen."""
from __future__ import annotations

import pytest

from a11y_pages import guides  # noqa: F401  (fixture)
from conftest import PHONE
from pdf_pages import draws_text, image_count, pages, sketch_count

from bdhvs.media import sketch

pytestmark = pytest.mark.browser

# Hide the handout's words and what follows the QR (the sources box): what is left on the
# last page must still include some of the guide's own text.
ONLY_QR = """() => { const h = document.querySelector('.bdhvs-handout'); if (!h) return false;
  h.querySelectorAll('p').forEach(e => e.style.visibility = 'hidden');
  for (let e = h.nextElementSibling; e; e = e.nextElementSibling) e.style.display = 'none';
  return true; }"""


def _vi_guides(guides):  # noqa: F811
    return [g for g in guides if not g.startswith("ede/")]


def test_printed_guides_have_every_image_and_no_lonely_qr_code(server, browser, guides):  # noqa: F811
    problems, printed = [], 0
    for path in _vi_guides(guides):
        context = browser.new_context(**PHONE)  # a fresh phone: nothing loaded before
        page = context.new_page()
        try:
            page.goto(server.url + path)
            page.wait_for_load_state("networkidle")
            wanted = page.evaluate("new Set([...document.querySelectorAll('article img')].map(i => i.currentSrc || i.src)).size")
            page.emulate_media(media="print")
            pdf = page.pdf(prefer_css_page_size=True)
            shown = image_count(pdf) + sketch_count(pdf, sketch.BAR)  # sketches print as vectors (SVG)
            if shown < wanted:
                problems.append(f"/{path}: {shown} of {wanted} images printed")
            if page.evaluate(ONLY_QR):
                last = pages(page.pdf(prefer_css_page_size=True))[-1]
                if not draws_text(last):
                    problems.append(f"/{path}: the QR code is alone on the last page")
            printed += 1
        finally:
            context.close()
    assert printed >= 30
    assert problems == [], "\n".join(problems)


def test_every_projector_step_fits_a_1280x720_screen(server, browser, guides):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    too_tall, steps = [], 0
    try:
        for path in _vi_guides(guides):
            page.goto(server.url + path + "?trinhchieu=1")
            # the mode is loaded on demand (classroom.js -> projector.css, projector.js)
            page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-projector')")
            if not page.evaluate("document.documentElement.classList.contains('bdhvs-stepping')"):
                continue
            count = page.evaluate("document.querySelectorAll('.bdhvs-step').length")
            page.keyboard.press("Home")
            for _ in range(count):
                page.keyboard.press("ArrowRight")
                found = page.evaluate("""() => { const li = document.querySelector('.bdhvs-step.bdhvs-current');
                    if (!li) return null; let bottom = 0, right = 0;
                    li.querySelectorAll('*').forEach(e => { const r = e.getBoundingClientRect();
                      if (r.height) { bottom = Math.max(bottom, r.bottom + scrollY); right = Math.max(right, r.right); } });
                    return {step: li.value, bottom: Math.round(bottom), right: Math.round(right),
                            images: [...li.querySelectorAll('img')].every(i => i.complete || i.loading === 'lazy')}; }""")
                if found is None:
                    continue
                steps += 1
                if found["bottom"] > 720 or found["right"] > 1280:
                    too_tall.append(f"/{path} step {found['step']}: ends at {found['bottom']} px")
    finally:
        context.close()
    assert steps >= 100
    assert too_tall == [], "\n".join(too_tall)
