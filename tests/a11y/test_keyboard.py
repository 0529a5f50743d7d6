"""Keyboard-only use of a guide: skip link, visible focus everywhere, reach every control."""
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
GUIDE = "huong-dan/cai-dat-vneid/"

FOCUS_STATE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, cls: String(e.className), text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          href: e.getAttribute('href'), outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
          shadow: s.boxShadow, w: r.width, h: r.height};
}"""


def test_first_tab_reaches_skip_link_which_jumps_to_content(server, new_page):
    page = new_page(**DESKTOP).page
    page.goto(server.url + GUIDE)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.wait_for_timeout(400)  # Material fades it in
    assert skip.is_visible() and float(skip.evaluate("e => getComputedStyle(e).opacity")) == 1
    assert skip.inner_text().startswith("Bỏ qua")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "bdhvs-noi-dung"
    page.keyboard.press("Tab")  # the next stop is inside the content, not the header
    assert page.evaluate("!!document.activeElement.closest('article')")


def test_tabbing_through_a_guide_shows_focus_on_every_stop_and_reaches_all_controls(server, new_page):
    page = new_page(**DESKTOP).page
    page.goto(server.url + GUIDE)
    page.wait_for_timeout(200)  # deferred scripts unhide their header buttons
    stops = []
    for _ in range(250):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (stops and state == stops[0]):
            break
        stops.append(state)
    assert len(stops) > 10
    invisible = [s for s in stops if s["w"] < 1 or s["h"] < 1]
    assert not invisible, f"focus went to elements nobody can see: {invisible}"
    no_ring = [s for s in stops if s["outline"] < 2 and s["shadow"] in ("none", "")]
    assert not no_ring, f"focus is not visible on: {no_ring}"
    classes = " ".join(s["cls"] for s in stops)
    for needed in ("md-skip", "bdhvs-reading__toggle", "bdhvs-language__link", "md-nav__link", "md-footer__link"):
        assert needed in classes, f"{needed} is not reachable with Tab"


def test_footer_link_to_next_page_works_with_enter(server, new_page):
    page = new_page(**DESKTOP).page
    page.goto(server.url + GUIDE)
    link = page.locator("a.md-footer__link").first
    expected = urljoin(page.url, link.get_attribute("href"))
    assert expected != page.url
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == expected


def test_language_entry_switches_with_the_keyboard(server, new_page):
    page = new_page(**DESKTOP).page
    page.goto(server.url + GUIDE)
    ede = page.locator("a[data-bdhvs=language-link][hreflang=rad]")
    assert ede.is_visible()
    ede.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == server.url + "ede/" + GUIDE


def test_menu_button_opens_the_navigation_with_the_keyboard_on_a_projector_laptop(server, new_page):
    """At 1024 px (trainers' laptops) the navigation lives in Material's drawer."""
    page = new_page(viewport={"width": 1024, "height": 768}).page
    page.goto(server.url + GUIDE)
    burger = page.locator("button.bdhvs-menu-button")
    is_burger = "document.activeElement.classList.contains('bdhvs-menu-button')"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(is_burger):
            break
    assert page.evaluate(is_burger), "☰ is not reachable with Tab"
    assert burger.get_attribute("aria-expanded") == "false"
    assert burger.get_attribute("aria-label") == "Danh mục các trang"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer") and burger.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)
    link = page.locator(".md-nav--primary a.md-nav__link[href='../']").first
    assert link.bounding_box()["x"] >= 0
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate(is_burger)


def test_menu_button_is_the_only_one_and_hidden_on_wide_screens(server, new_page):
    page = new_page(viewport={"width": 1280, "height": 800}).page
    page.goto(server.url + GUIDE)
    assert page.locator("button.bdhvs-menu-button").count() == 1
    assert page.is_hidden("button.bdhvs-menu-button")
    assert page.is_hidden("label.md-header__button[for=__drawer]")
