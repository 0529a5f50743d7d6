"""Comfortable defaults on a phone: big text, airy lines, big touch targets, clear steps."""
import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

GUIDE = "huong-dan/cai-dat-vneid/"


def test_body_text_is_at_least_18px_with_line_height_1_5(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    for selector in ("article > p", "article ol > li p", "article ul > li"):
        size, line = page.eval_on_selector(
            selector, "e => [parseFloat(getComputedStyle(e).fontSize), parseFloat(getComputedStyle(e).lineHeight)]")
        assert size >= 18, (selector, size)
        assert line >= 1.5 * size, (selector, line, size)


def test_notes_and_tables_are_body_sized_too(server, new_page, site):
    """Material draws admonitions and tables at 12.8 px; safety notes must be as big as text."""
    page = new_page(**PHONE).page
    checked = 0
    for path in ["", GUIDE, "huong-dan/tai-khoan-muc-1-muc-2/", "ede/"]:
        if not (site / path / "index.html").is_file():
            continue
        page.goto(server.url + path)
        for el in page.locator("article .admonition p, article table td").all()[:6]:
            assert el.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 18
            checked += 1
    assert checked


def test_step_numbers_stay_visible_in_high_contrast(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url)
    page.evaluate("localStorage.setItem('bdhvs.contrast', 'high')")
    page.goto(server.url + GUIDE)
    li = page.locator("h2#cac-buoc ~ ol > li").first
    marker, background = li.evaluate(
        "e => [getComputedStyle(e, '::marker').color, getComputedStyle(document.body).backgroundColor]")
    assert background == "rgb(0, 0, 0)" and marker not in ("rgb(0, 0, 0)", background)


def test_steps_are_numbered_and_separated(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    steps = page.locator("h2#cac-buoc ~ ol").first.locator(":scope > li")
    assert steps.count() >= 3
    for i in range(steps.count()):
        style = steps.nth(i).evaluate(
            "e => { const s = getComputedStyle(e); return [s.display, s.listStyleType, parseFloat(s.borderTopWidth)] }")
        assert style[0] == "list-item" and style[1] == "decimal", style
        assert style[2] >= 1, "each step is separated by a rule"
    marker_weight = steps.first.evaluate("e => getComputedStyle(e, '::marker').fontWeight")
    assert int(marker_weight) >= 700


def big_enough(box) -> bool:
    return box is not None and box["width"] >= 47.5 and box["height"] >= 47.5


def test_header_and_panel_touch_targets_are_at_least_48px(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    page.wait_for_timeout(200)
    buttons = page.locator(".md-header .md-header__button:visible")
    assert buttons.count() >= 3
    small = [buttons.nth(i).evaluate("e => e.outerHTML.slice(0, 80)") for i in range(buttons.count())
             if not big_enough(buttons.nth(i).bounding_box())]
    assert not small, small
    page.click(".bdhvs-reading__toggle")
    for target in page.locator("#bdhvs-reading-panel label, #bdhvs-reading-panel button").all():
        assert target.bounding_box()["height"] >= 47.5


def test_navigation_links_in_the_drawer_are_at_least_48px_high(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    page.click("button.bdhvs-menu-button")
    page.wait_for_timeout(400)
    links = page.locator(".md-nav--primary .md-nav__link:visible")
    assert links.count() >= 2
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    assert min(heights) >= 47.5, heights
    footer = page.locator(".md-footer__link")
    assert all(footer.nth(i).bounding_box()["height"] >= 47.5 for i in range(footer.count()))
