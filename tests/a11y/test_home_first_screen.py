"""What a reader meets first, on a 360x740 phone in Chromium: the home's first screen
holds the two emergency entries, a search field and the top tasks as big buttons; every
page offers the emergency entries in one tap; choosing an audience really filters."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from a11y_pages import all_pages  # noqa: F401  (fixture)
from bdhvs.content import home as home_page
from bdhvs.settings import DOCS_DIR, DATA_DIR
from conftest import PHONE

pytestmark = pytest.mark.browser

HOME = home_page.load(DATA_DIR / home_page.HOME_FILE, DOCS_DIR / "vi")
SCREEN = PHONE["viewport"]
EMERGENCY = {e.url: e.label for e in HOME.emergency}  # "huong-dan/bao-cao-lua-dao/": "Bị lừa, mất tiền?"


def _site_path(page, href: str, server) -> str:
    return urljoin(page.url, href).removeprefix(server.url)


def _on_first_screen(box) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"] \
        and box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("size", ["1", "2"])
def test_home_first_screen_has_emergency_search_and_tasks(server, new_page, javascript, size):
    page = new_page(**PHONE, java_script_enabled=javascript).page
    page.add_init_script(f"localStorage.setItem('bdhvs.textSize', '{size}')")
    page.goto(server.url)
    article = page.locator("article")
    # The two emergency entries, as big buttons, on the first screen.
    for url, label in EMERGENCY.items():
        link = article.get_by_role("link", name=label)
        assert link.count() == 1, label
        box = link.bounding_box()
        assert _on_first_screen(box) and box["height"] >= 48, (label, box)
        assert _site_path(page, link.get_attribute("href"), server) == url
    # A search field anybody can see and type in.
    field = article.get_by_role("searchbox")
    assert _on_first_screen(field.bounding_box()), field.bounding_box()
    assert page.locator(f"label[for={field.get_attribute('id')}]").is_visible()
    # The top tasks: 6 to 8 big buttons, all on the first screen at the normal size.
    tasks = article.locator(".bdhvs-home-tasks a")
    assert 6 <= tasks.count() <= 8
    for i in range(tasks.count()):
        box = tasks.nth(i).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 120, box
        if size == "1":
            assert _on_first_screen(box), (tasks.nth(i).inner_text(), box)


def test_home_is_short_not_every_guide_four_times(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url)
    hrefs = page.eval_on_selector_all("article a[href]", "as => as.map(a => a.href)")
    guides = [h for h in hrefs if "/huong-dan/" in h and "#" not in h]
    assert max(guides.count(h) for h in guides) <= 1, "a guide is listed more than once on the home"
    assert len(hrefs) <= 40, len(hrefs)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 4 * SCREEN["height"], f"the home is {height / SCREEN['height']:.1f} screens long"


def test_emergency_entries_are_one_tap_away_on_every_page(server, new_page, all_pages):  # noqa: F811
    page = new_page(**PHONE, java_script_enabled=False).page
    missing = []
    for path in all_pages:
        page.goto(server.url + path)
        prefix = "ede/" if path.startswith("ede/") else ""
        for url, label in EMERGENCY.items():
            link = page.get_by_role("link", name=label).first
            if not link.count() or not link.is_visible():
                missing.append(f"/{path}: no visible “{label}”")
                continue
            target = _site_path(page, link.get_attribute("href"), server)
            if target not in (prefix + url, url):
                missing.append(f"/{path}: “{label}” opens /{target}")
    assert missing == [], "\n".join(missing[:30])
    # The tap really opens the steps.
    page.goto(server.url + "huong-dan/cai-dat-vneid/")
    with page.expect_navigation():
        page.get_by_role("link", name=HOME.emergency[0].label).first.click()
    assert page.url == server.url + HOME.emergency[0].url
    assert page.locator("article h1").is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_choosing_an_audience_shows_only_its_guides(server, new_page, javascript):
    page = new_page(**PHONE, java_script_enabled=javascript).page
    page.goto(server.url)
    with page.expect_navigation():
        page.locator("article a", has_text="Học sinh").first.click()
    visible = page.eval_on_selector_all(
        "article h2", "hs => hs.filter(h => h.getClientRects().length).map(h => h.textContent.replace('¶', '').trim())")
    assert visible == ["Học sinh"], visible
    shown = page.eval_on_selector_all("article section a", "as => as.filter(a => a.getClientRects().length).length")
    total = page.eval_on_selector_all("article section a", "as => as.length")
    assert 0 < shown < total
    # "Tất cả các nhóm" shows every audience again.
    with page.expect_navigation():
        page.click("text=Tất cả các nhóm")
    assert page.eval_on_selector_all("article h2", "hs => hs.filter(h => h.getClientRects().length).length") >= 4


def test_header_words_under_the_icons(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url)
    header = page.locator("header.md-header")
    for word in ("Tìm", "Cỡ chữ", "Tiếng Êđê"):
        label = header.get_by_text(word, exact=True).first
        assert label.is_visible() and _on_first_screen(label.bounding_box()), word
    # The language entry is one tap: a link straight to the same page in Ede.
    with page.expect_navigation():
        header.get_by_text("Tiếng Êđê", exact=True).click()
    assert page.url == server.url + "ede/"
    assert page.locator("html").get_attribute("lang") == "rad"
    assert page.locator("header").get_by_text("Tiếng Việt", exact=True).is_visible()


def test_ede_first_screen_says_what_exists_and_where_to_get_help(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + "ede/")
    summary = page.locator("article .bdhvs-ede-summary")
    assert _on_first_screen(summary.bounding_box()), summary.bounding_box()
    text = summary.inner_text()
    assert "tiếng Việt" in text and "Trung tâm phục vụ hành chính công xã" in text
    assert summary.evaluate("e => e.closest('[lang]').lang") == "vi"
