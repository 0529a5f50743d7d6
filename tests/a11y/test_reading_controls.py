"""Text size and high contrast, in a real Chromium on a phone-sized screen."""
import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

GUIDE = "huong-dan/cai-dat-vneid/"
STEP_TEXT = "article ol > li p"


def body_px(page) -> float:
    return page.eval_on_selector(STEP_TEXT, "e => parseFloat(getComputedStyle(e).fontSize)")


def open_panel(page):
    page.click(".bdhvs-reading__toggle")
    assert page.get_attribute(".bdhvs-reading__toggle", "aria-expanded") == "true"
    assert page.is_visible("#bdhvs-reading-panel")


def test_text_size_has_three_steps_that_grow_and_are_remembered(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    base = body_px(page)
    assert base >= 18
    open_panel(page)
    radios = page.locator("#bdhvs-reading-panel input[type=radio]")
    assert radios.count() == 3
    assert page.is_checked("text=Vừa")
    sizes = [base]
    for label in ("Lớn", "Rất lớn"):
        page.click(f"#bdhvs-reading-panel label:has-text('{label}')")
        sizes.append(body_px(page))
    assert sizes[0] < sizes[1] < sizes[2], sizes
    assert sizes[2] >= 1.4 * sizes[0]
    # Remembered: on the next page and after a reload, before any click.
    page.goto(server.url)
    page.goto(server.url + GUIDE)
    assert body_px(page) == pytest.approx(sizes[2])
    open_panel(page)
    assert page.is_checked("#bdhvs-reading-panel label:has-text('Rất lớn') input")
    page.click("#bdhvs-reading-panel label:has-text('Vừa')")
    page.reload()
    assert body_px(page) == pytest.approx(base)


def test_text_size_radios_work_with_the_keyboard(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    base = body_px(page)
    page.focus(".bdhvs-reading__toggle")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # into the radio group (the checked radio)
    assert page.evaluate("document.activeElement.name") == "bdhvs-text-size"
    page.keyboard.press("ArrowDown")
    assert body_px(page) > base
    page.keyboard.press("Escape")
    assert page.is_hidden("#bdhvs-reading-panel")
    assert page.evaluate("document.activeElement.classList.contains('bdhvs-reading__toggle')")


def test_high_contrast_turns_page_white_on_black_and_is_remembered(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + GUIDE)
    bg = "() => getComputedStyle(document.body).backgroundColor"
    fg = "() => getComputedStyle(document.querySelector('article p')).color"
    assert page.evaluate(bg) == "rgb(255, 255, 255)"
    open_panel(page)
    button = page.locator(".bdhvs-reading__contrast")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate(bg) == "rgb(0, 0, 0)"
    assert page.evaluate(fg) == "rgb(255, 255, 255)"
    page.goto(server.url + "ede/")
    assert page.evaluate(bg) == "rgb(0, 0, 0)"
    open_panel(page)
    page.click(".bdhvs-reading__contrast")
    page.reload()
    assert page.evaluate(bg) == "rgb(255, 255, 255)"


def test_saved_settings_apply_before_first_paint(server, new_page):
    """reading-early.js runs in <head>: the first frame already has the saved size."""
    rec = new_page(**PHONE)
    page = rec.page
    page.goto(server.url)
    page.evaluate("localStorage.setItem('bdhvs.textSize', '3'); localStorage.setItem('bdhvs.contrast', 'high')")
    page.add_init_script(
        "document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive' && !window.__seen)"
        " window.__seen = document.documentElement.getAttribute('data-bdhvs-size') + '/' +"
        " document.documentElement.getAttribute('data-bdhvs-contrast'); });")
    page.goto(server.url + GUIDE)
    assert page.evaluate("window.__seen") == "3/high"


def test_controls_are_labelled_in_vietnamese(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + "ede/" + GUIDE)
    toggle = page.locator(".bdhvs-reading__toggle")
    assert toggle.get_attribute("aria-label") == "Cỡ chữ và độ tương phản"
    # On Ede pages the Vietnamese controls sit inside the header's lang="vi" wrapper.
    assert toggle.evaluate("e => e.closest('[lang]').lang") == "vi"
    open_panel(page)
    assert page.inner_text("#bdhvs-reading-panel legend") == "Cỡ chữ"
