"""Projector mode in real Chromium: toggle, URL parameter, one step per screen with the
keys a clicker sends, remembered across reloads, Esc leaves, announced to screen readers."""
from __future__ import annotations

import pytest

from classroom_helpers import DESKTOP, GUIDE, policy_server  # noqa: F401

pytestmark = pytest.mark.browser

TOGGLE = "[data-bdhvs=projector-toggle]"
STATUS = "[data-bdhvs=step-status]"


def projector_on(page) -> bool:
    return page.evaluate("document.documentElement.classList.contains('bdhvs-projector')")


def turned_on(page) -> None:
    """The first press loads the mode (projector.css + projector.js, not part of any page's
    first visit): wait until it has switched on, as a trainer waits for the screen to change."""
    page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-projector')", timeout=5000)


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(
        ".bdhvs-step", "els => els.filter(e => e.offsetParent !== null).map(e => e.value + '')")


@pytest.fixture
def guide(policy_server, new_page):
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + GUIDE)
    rec.page.wait_for_selector(TOGGLE, state="visible")
    return rec.page


def test_toggle_turns_on_big_high_contrast_type_and_hides_navigation(guide):
    before = guide.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert guide.get_attribute(TOGGLE, "aria-pressed") == "false"
    assert guide.locator(".md-sidebar--primary").is_visible()
    guide.click(TOGGLE)
    turned_on(guide)
    assert projector_on(guide)
    assert guide.get_attribute(TOGGLE, "aria-pressed") == "true"
    size = guide.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 30 and size > before * 1.5, (before, size)  # readable from the back of a hall
    color = guide.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
    assert color == "rgb(0, 0, 0)"
    for nav in (".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not guide.locator(nav).first.is_visible(), nav
    guide.click(TOGGLE)
    assert not projector_on(guide) and guide.get_attribute(TOGGLE, "aria-pressed") == "false"


def test_clicker_keys_step_through_the_numbered_steps_one_per_screen(guide):
    steps = guide.evaluate("document.querySelectorAll('#cac-buoc ~ ol:first-of-type > li').length")
    assert steps >= 3
    guide.click(TOGGLE)
    turned_on(guide)
    guide.mouse.click(5, 400)  # focus back on the page, like a presenter would
    assert guide.text_content(STATUS) == "Phần đầu"
    assert visible_steps(guide) == []
    guide.keyboard.press("PageDown")
    assert guide.text_content(STATUS) == f"Bước 1/{steps}"
    assert visible_steps(guide) == ["1"]
    guide.keyboard.press("ArrowRight")
    guide.keyboard.press("Space")
    assert guide.text_content(STATUS) == f"Bước 3/{steps}"
    assert visible_steps(guide) == ["3"]  # the number stays right when the others are hidden
    guide.keyboard.press("PageUp")
    assert visible_steps(guide) == ["2"]
    guide.keyboard.press("End")
    assert guide.text_content(STATUS) in {"Phần cuối", f"Bước {steps}/{steps}"}
    guide.keyboard.press("Home")
    assert guide.text_content(STATUS) == "Phần đầu"
    # the title stays on every screen
    assert guide.locator("article h1").is_visible()


def test_step_changes_are_announced_in_a_live_region(guide):
    guide.click(TOGGLE)
    turned_on(guide)
    status = guide.locator(STATUS)
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    guide.locator(".bdhvs-stepbar button", has_text="Sau").click()  # on-screen buttons too
    assert status.text_content().startswith("Bước 1/")


def test_setting_persists_across_reload_and_escape_leaves(guide):
    guide.click(TOGGLE)
    turned_on(guide)
    guide.reload()
    guide.wait_for_selector(TOGGLE, state="visible")
    assert projector_on(guide) and guide.get_attribute(TOGGLE, "aria-pressed") == "true"
    guide.mouse.click(5, 400)
    guide.keyboard.press("Escape")
    assert not projector_on(guide)
    assert guide.evaluate("document.activeElement.dataset.bdhvs") == "projector-toggle"
    guide.reload()
    guide.wait_for_selector(TOGGLE, state="visible")
    assert not projector_on(guide)


@pytest.mark.parametrize("query", ["?projector=1", "?trinhchieu=1"])
def test_a_link_opens_in_projector_mode(policy_server, new_page, query):
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + GUIDE + query)
    rec.page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-stepping')")
    rec.page.goto(policy_server.url + GUIDE + "?projector=0")
    rec.page.wait_for_selector(TOGGLE, state="visible")
    assert not projector_on(rec.page)


def test_keyboard_only_user_can_toggle(guide):
    guide.focus(TOGGLE)
    guide.keyboard.press("Enter")
    turned_on(guide)
    assert projector_on(guide)
    # Space on the focused toggle presses the button, it does not skip a step
    guide.keyboard.press("Space")
    assert not projector_on(guide)


def test_pages_without_steps_get_big_type_without_step_controls(policy_server, new_page):
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + "?projector=1")
    rec.page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-projector')")
    assert not rec.page.evaluate("document.documentElement.classList.contains('bdhvs-stepping')")
    assert rec.page.locator("article h1").is_visible()
    rec.page.keyboard.press("PageDown")  # no step mode: the key scrolls as usual, nothing breaks
    assert rec.page.locator(".bdhvs-stepbar").count() == 0


def test_steps_grouped_under_sub_headings_are_all_stepped_with_their_heading(policy_server, new_page):
    # thong-bao-luu-tru groups its 15 steps under three sub-headings, each group numbered from 1.
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + "huong-dan/thong-bao-luu-tru/?projector=1")
    rec.page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-stepping')")
    page = rec.page
    groups = page.eval_on_selector_all("#cac-buoc ~ h3", "els => els.map(e => e.textContent.trim())")
    total = page.evaluate("document.querySelectorAll('#cac-buoc ~ ol > li').length")
    assert len(groups) == 3 and total == 15
    first_group = page.evaluate("document.querySelectorAll('#cac-buoc ~ ol')[0].children.length")
    for _ in range(first_group + 1):  # the intro screen, then every step of the first group
        page.keyboard.press("PageDown")
    assert page.text_content(STATUS) == f"Bước {first_group + 1}/{total}"
    assert visible_steps(page) == ["1"]  # first step of the second group keeps its printed number
    assert page.locator("#cac-buoc ~ h3").nth(1).is_visible()  # its sub-heading shows with it
    assert not page.locator("#cac-buoc ~ h3").nth(0).is_visible()
    page.keyboard.press("End")
    page.keyboard.press("PageUp")
    assert page.text_content(STATUS) == f"Bước {total}/{total}"
    assert page.locator("#cac-buoc ~ h3").nth(2).is_visible()


def test_the_mode_is_downloaded_only_when_a_trainer_turns_it_on(policy_server, new_page):
    """Readers (and phones, where the toggle is hidden) never download projector mode."""
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + GUIDE, wait_until="load")
    rec.page.wait_for_selector(TOGGLE, state="visible")
    assert not [u for u in rec.requests if "projector" in u.rsplit("/", 1)[-1]], rec.requests
    rec.page.click(TOGGLE)
    turned_on(rec.page)
    loaded = {u.rsplit("/", 1)[-1] for u in rec.requests}
    assert {"projector.css", "projector.js"} <= loaded, loaded
    assert not rec.failed, rec.failed
