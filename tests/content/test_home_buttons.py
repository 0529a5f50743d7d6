"""Home page task buttons are big enough to tap and work without JavaScript."""
from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser


def test_task_buttons_are_big_tap_targets_without_javascript(server, new_page):
    page = new_page(**PHONE, java_script_enabled=False).page
    page.goto(server.url)
    buttons = page.locator(".bdhvs-tasks a")
    assert buttons.count() >= 16
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 0.8 * PHONE["viewport"]["width"] - 40, box
    first = buttons.first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)


def test_tapping_a_glossary_term_shows_its_explanation(server, new_page):
    from bdhvs.content import glossary
    from bdhvs.settings import DATA_DIR

    definitions = {t.term: t.definition for t in glossary.load(DATA_DIR / "glossary.yml")}
    page = new_page(**PHONE).page
    page.goto(server.url + "huong-dan/bao-ve-tai-khoan/")
    term = page.locator("article abbr", has_text="OTP").first
    shown = "() => getComputedStyle(document.querySelector('article abbr[title]:focus') || document.body, '::after').content"
    term.tap()
    content = page.evaluate(shown)
    assert definitions["OTP"] in content
    box = page.evaluate("""() => { const a = document.querySelector('article abbr:focus');
        const s = getComputedStyle(a, '::after'); return [s.position, s.bottom]; }""")
    assert box[0] == "fixed"
