"""Every built page, in every reading mode (3 text sizes x normal/high contrast), on a
360x740 phone in a real Chromium: every visible text has enough contrast (computed from
the styles the browser applied: 4.5:1, and 7:1 in high contrast), nothing is pushed past
the right edge of the screen, and at "Rất lớn" the steps use at least 85 % of the screen
width. Also the search panel (with results) and the projector mode."""
from __future__ import annotations

import pytest

from a11y_pages import all_pages  # noqa: F401  (fixture)
from conftest import PHONE
from sweep import MEASURE, MIN_RATIO, MODES, mode_id, set_mode_script

pytestmark = pytest.mark.browser

STEP_SHARE = 0.85  # step text width / screen width at "Rất lớn"


def _context(browser, mode, **extra):
    context = browser.new_context(**{**PHONE, **extra})
    context.add_init_script(set_mode_script(mode))
    return context


@pytest.mark.parametrize("mode", MODES, ids=mode_id)
def test_every_page_is_readable_in_every_mode(server, browser, all_pages, mode):  # noqa: F811
    size, contrast = mode
    context = _context(browser, mode)
    page = context.new_page()
    problems, narrow, measured = [], [], 0
    try:
        for path in all_pages:
            page.goto(server.url + path)
            found = page.evaluate(MEASURE, ["body", MIN_RATIO[contrast]])
            measured += found["texts"]
            for line in found["low"]:
                problems.append(f"/{path}: contrast {line}")
            for line in found["overflow"]:
                problems.append(f"/{path}: past the right edge: {line}")
            if found["scroll_width"] > found["width"] + 1:
                problems.append(f"/{path}: the page scrolls sideways ({found['scroll_width']} px > {found['width']} px)")
            if size == "3":
                narrow += [f"/{path}: step text {w} px of {found['width']} px"
                           for w in found["steps"] if w < STEP_SHARE * found["width"]]
    finally:
        context.close()
    assert measured > 50 * len(all_pages) / 2, "the sweep saw almost no text: is the page empty?"
    assert problems == [], f"{len(problems)} problems, first ones:\n" + "\n".join(problems[:40])
    assert narrow == [], f"{len(narrow)} narrow steps at 'Rất lớn', first ones:\n" + "\n".join(narrow[:20])


@pytest.mark.parametrize("mode", [("1", "normal"), ("3", "high")], ids=mode_id)
def test_search_panel_is_readable(server, browser, mode):
    size, contrast = mode
    context = _context(browser, mode)
    page = context.new_page()
    try:
        page.goto(server.url)
        page.click("[data-bdhvs-search-open]")
        page.fill("#bdhvs-search-input", "")
        page.type("#bdhvs-search-input", "vneid", delay=30)
        page.wait_for_selector(".bdhvs-search__result")
        found = page.evaluate(MEASURE, ["dialog[open]", MIN_RATIO[contrast]])
    finally:
        context.close()
    assert found["texts"] >= 5
    assert found["low"] == [] and found["overflow"] == [], found


def test_projector_mode_is_readable(server, browser):
    context = _context(browser, ("1", "normal"), viewport={"width": 1280, "height": 720},
                       is_mobile=False, has_touch=False)
    page = context.new_page()
    try:
        page.goto(server.url + "huong-dan/kich-hoat-tai-khoan/?trinhchieu=1")
        page.wait_for_function("document.documentElement.classList.contains('bdhvs-stepping')")
        page.keyboard.press("ArrowRight")
        found = page.evaluate(MEASURE, ["body", 7.0])
    finally:
        context.close()
    assert found["texts"] >= 5
    assert found["low"] == [] and found["overflow"] == [], found
