"""Reading works without JavaScript: content, steps, navigation, language switch."""
from urllib.parse import urljoin

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

GUIDE = "huong-dan/cai-dat-vneid/"


@pytest.fixture
def nojs(new_page):
    return new_page(**PHONE, java_script_enabled=False).page


def test_guide_is_readable_without_javascript(server, nojs):
    nojs.goto(server.url + GUIDE)
    assert nojs.is_visible("article h1")
    steps = nojs.locator("article ol > li")
    assert steps.count() >= 3
    assert all(steps.nth(i).is_visible() for i in range(steps.count()))
    assert nojs.evaluate("document.documentElement.className") == "no-js"  # no script ran


def test_controls_that_need_javascript_are_not_shown(server, nojs):
    nojs.goto(server.url + GUIDE)
    assert nojs.is_hidden("[data-bdhvs=reading]")
    assert nojs.locator("header a[data-bdhvs=language-link]").is_visible()  # the language entry is a plain link


def test_navigation_drawer_opens_and_leads_to_another_page(server, nojs):
    nojs.goto(server.url + GUIDE)
    # A link to another guide that a finger can actually reach (hit-test at its centre).
    reachable = """() => [...document.querySelectorAll('.md-nav--primary a.md-nav__link[href^="../"]')]
      .map(a => { const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        return x > 0 && y > 0 && x < innerWidth && y < innerHeight && a.contains(document.elementFromPoint(x, y))
          ? a.getAttribute('href') : null; }).filter(Boolean)"""
    assert nojs.evaluate(reachable) == [], "the drawer is closed at first"
    nojs.click("label.md-header__button[for=__drawer]")
    nojs.wait_for_timeout(400)
    hrefs = nojs.evaluate(reachable)
    assert hrefs, "no navigation link can be tapped in the open drawer"
    expected = urljoin(nojs.url, hrefs[0])
    with nojs.expect_navigation():
        nojs.click(f".md-nav--primary a.md-nav__link[href='{hrefs[0]}'] >> visible=true")
    assert nojs.url == expected
    assert nojs.is_visible("article h1")


def test_language_switch_works_without_javascript(server, nojs):
    nojs.goto(server.url + GUIDE)
    ede = nojs.locator("a[data-bdhvs=language-link][hreflang=rad]")
    assert ede.is_visible()
    with nojs.expect_navigation():
        ede.click()
    assert nojs.url == server.url + "ede/" + GUIDE
    assert nojs.is_visible("article h1")
