"""In a real Chromium: the video facade contacts nobody before the click, zoom works on a
phone, audio loads nothing until played and is operable with the keyboard."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import PHONE, StaticServer
from mediasite import FAKE_ID, SLUG, built_media_site

pytestmark = pytest.mark.browser
PATHS = [f"huong-dan/{SLUG}/", f"ede/huong-dan/{SLUG}/"]


@pytest.fixture(scope="module")
def mserver(tmp_path_factory):
    srv = StaticServer(built_media_site(tmp_path_factory)["site"])
    yield srv
    srv.close()


def offline(rec, server):
    """Let only the local server answer; every other request is recorded, then aborted."""
    local = urlsplit(server.origin).netloc

    def handle(route):
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            route.abort()

    rec.context.route("**/*", handle)
    return rec


def scroll_everything(page):
    page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += 300) {"
                  " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } }")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", PATHS)
def test_video_facade_makes_no_third_party_request_until_played_by_keyboard(mserver, new_page, path):
    rec = offline(new_page(**PHONE), mserver)
    page = rec.page
    page.goto(mserver.url + path, wait_until="networkidle")
    scroll_everything(page)
    link = page.locator("a.bdhvs-video__facade")
    link.hover()
    page.wait_for_timeout(300)
    assert rec.requests and rec.third_party(mserver.origin) == []
    assert page.locator("iframe").count() == 0
    # Keyboard: focus the facade (a link with a name) and press Enter.
    assert "Phát video: Video thử nghiệm" in link.get_attribute("aria-label")
    link.focus()
    with page.expect_request(lambda r: "youtube-nocookie.com" in r.url):
        page.keyboard.press("Enter")
    frame = page.locator(".bdhvs-video__frame iframe")
    assert frame.count() == 1
    assert frame.get_attribute("src") == f"https://www.youtube-nocookie.com/embed/{FAKE_ID}?autoplay=1"
    assert frame.get_attribute("title") == "Video thử nghiệm"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    hosts = {urlsplit(u).hostname for u in rec.third_party(mserver.origin)}
    assert hosts == {"www.youtube-nocookie.com"}


def test_video_without_javascript_is_a_plain_link_to_the_private_player(mserver, new_page):
    rec = offline(new_page(**PHONE, java_script_enabled=False), mserver)
    page = rec.page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    assert rec.third_party(mserver.origin) == []
    with page.expect_request(lambda r: "youtube-nocookie.com" in r.url) as request:
        page.locator("a.bdhvs-video__facade").click(no_wait_after=True)
    assert request.value.url == f"https://www.youtube-nocookie.com/embed/{FAKE_ID}?autoplay=1"
    assert request.value.is_navigation_request()


def test_tap_to_zoom_on_a_phone(mserver, new_page):
    rec = offline(new_page(**PHONE), mserver)
    page = rec.page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    img = page.locator("figure.bdhvs-shot img").first
    inline_width = img.evaluate("e => e.getBoundingClientRect().width")
    assert inline_width < 360
    img.tap()
    dialog = page.locator("dialog.bdhvs-zoomed")
    assert dialog.is_visible()
    big = dialog.locator("img")
    big.evaluate("e => e.decode()")
    assert big.evaluate("e => e.getBoundingClientRect().width") >= 600 > inline_width  # natural size, pannable
    assert page.evaluate("document.activeElement.textContent").startswith("Đóng")
    page.keyboard.press("Escape")
    expect(page.locator("dialog.bdhvs-zoomed")).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('bdhvs-zoom')")  # focus returns
    img.tap()
    page.locator("dialog.bdhvs-zoomed button").tap()
    expect(page.locator("dialog.bdhvs-zoomed")).to_have_count(0)
    assert rec.third_party(mserver.origin) == []


def test_zoom_link_works_without_javascript(mserver, new_page):
    page = new_page(**PHONE, java_script_enabled=False).page
    page.goto(mserver.url + PATHS[0])
    page.locator("figure.bdhvs-shot a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/huong-dan/{SLUG}/mo-dau.webp")


def test_images_have_alt_width_height_and_lazy_loading(mserver, new_page):
    page = new_page(**PHONE).page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    images = page.eval_on_selector_all("article img", "els => els.map(e => ({alt: e.getAttribute('alt'),"
                                       " w: e.getAttribute('width'), h: e.getAttribute('height'),"
                                       " loading: e.loading, top: e.getBoundingClientRect().top}))")
    assert images and all(i["alt"] is not None and i["w"] and i["h"] for i in images)
    assert images[0]["loading"] == "eager" and {i["loading"] for i in images[1:]} == {"lazy"}
    assert images[-1]["top"] > 2000  # far below the first screen


def test_last_image_is_not_downloaded_before_scrolling(mserver, new_page):
    """On a phone on 3G (media.js fetches pictures early for printing only on a fast connection)."""
    rec = new_page(**PHONE)
    rec.page.add_init_script("Object.defineProperty(navigator, 'connection', "
                             "{value: {effectiveType: '3g', saveData: false}, configurable: true})")
    rec.page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    assert not [u for u in rec.requests if u.endswith("/cuoi.webp")]
    scroll_everything(rec.page)
    assert [u for u in rec.requests if u.endswith("/cuoi.webp")]


def test_audio_loads_nothing_until_played_and_the_button_works_from_the_keyboard(mserver, new_page):
    rec = new_page(**PHONE)
    page = rec.page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    scroll_everything(page)
    assert not [u for u in rec.requests if ".opus" in u]
    button = page.locator("ol li .bdhvs-audio__play").first
    assert button.get_attribute("aria-label") == "Nghe bước 1 (tiếng Việt)"
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    with page.expect_request(lambda r: r.url.endswith("buoc-1.vi.opus")):
        page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('ol li audio').paused || document.querySelector('ol li audio').ended")
    assert button.get_attribute("aria-pressed") in ("true", "false")
    page.wait_for_function("() => document.querySelector('ol li audio').ended", timeout=5000)
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.querySelector('ol li audio').error") is None


def test_media_works_under_the_shipped_content_security_policy(tmp_path_factory, new_page):
    from bdhvs.deploy.serve import SiteServer

    with SiteServer(built_media_site(tmp_path_factory)["site"]) as srv:
        rec = offline(new_page(**PHONE), srv)
        page = rec.page
        response = page.goto(srv.url + PATHS[0], wait_until="networkidle")
        assert "frame-src" in response.headers["content-security-policy"]
        page.locator("figure.bdhvs-shot img").first.tap()
        expect(page.locator("dialog.bdhvs-zoomed")).to_be_visible()
        page.keyboard.press("Escape")
        page.locator("ol li .bdhvs-audio__play").first.click()
        with page.expect_request(lambda r: "youtube-nocookie.com" in r.url):
            page.locator("a.bdhvs-video__facade").click()
        assert page.locator(".bdhvs-video__frame iframe").count() == 1
        refused = [m for m in rec.console_errors if "Content Security Policy" in m or "Refused" in m]
        assert refused == []


def test_print_shows_the_video_title_and_link_instead_of_the_player(mserver, new_page):
    page = new_page(**PHONE).page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    page.emulate_media(media="print")
    assert not page.locator("a.bdhvs-video__facade").is_visible()
    note = page.locator(".bdhvs-video__print").first
    assert note.is_visible() and "Video thử nghiệm" in note.inner_text()
    assert note.locator("a").get_attribute("href") == f"https://www.youtube.com/watch?v={FAKE_ID}"
    assert not page.locator("[data-bdhvs-audio]").first.is_visible()


def test_projector_mode_shows_pictures_large_and_keeps_the_audio_button(mserver, new_page):
    page = new_page(viewport={"width": 1280, "height": 720}).page
    page.goto(mserver.url + PATHS[0], wait_until="networkidle")
    shot = page.locator("figure.bdhvs-shot img").nth(1)
    facade = page.locator("a.bdhvs-video__facade")
    normal = facade.evaluate("e => e.getBoundingClientRect().width")
    page.click("[data-bdhvs=projector-toggle]")  # as a trainer does; the mode loads on demand
    page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-stepping')")
    page.keyboard.press("PageDown")  # step 1 and its screenshot
    box = shot.evaluate("e => e.getBoundingClientRect()")
    assert box["height"] > 100 and box["height"] <= 720 * 0.62 + 1  # the whole phone screen fits on the wall
    assert abs(box["width"] / box["height"] - 600 / 1200) < 0.02  # not distorted
    assert page.locator("ol li .bdhvs-audio__play").first.is_visible()
    page.keyboard.press("End")  # what follows the steps: the video
    wide = facade.evaluate("e => e.getBoundingClientRect()")
    assert wide["height"] <= 720 and wide["width"] >= normal


def test_images_and_audio_work_from_the_offline_bundle_over_file_urls(tmp_path_factory, new_page):
    site = built_media_site(tmp_path_factory)["site"]
    page = new_page(**PHONE).page
    page.goto((site / "huong-dan" / SLUG / "index.html").as_uri())
    page.locator("figure.bdhvs-shot img").first.tap()
    big = page.locator("dialog.bdhvs-zoomed img")
    big.evaluate("e => e.decode()")
    assert big.evaluate("e => e.naturalWidth") == 600
    page.keyboard.press("Escape")
    page.locator("ol li .bdhvs-audio__play").first.click()
    page.wait_for_function("() => document.querySelector('ol li audio').ended", timeout=5000)
