"""The site works under its own Content-Security-Policy: served with EXACTLY the headers of
the shipped nginx/Apache configs (bdhvs.deploy.headers), every page type runs with zero
violations — pages, Ede fallback, glossary, search, projector mode, video facade."""
from __future__ import annotations

import urllib.request

import pytest

from bdhvs.deploy import headers
from classroom_helpers import DESKTOP, GUIDE, RECORD_CSP, policy_server, violations  # noqa: F401

pytestmark = pytest.mark.browser

PAGES = ["", GUIDE, "ede/", "ede/" + GUIDE, "thuat-ngu/", "tai-lieu-in/", "huong-dan/", "khong-co-trang-nay/"]


@pytest.fixture
def csp_page(new_page):
    rec = new_page(**DESKTOP)
    rec.context.add_init_script(RECORD_CSP)
    # Never reach the internet: the YouTube player (after a click) gets a local stand-in.
    rec.context.route("https://www.youtube-nocookie.com/**",
                      lambda route: route.fulfill(status=200, content_type="text/html", body="<p>player</p>"))
    console = []
    rec.page.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
    rec.csp_console = console
    return rec


def test_server_sends_the_policy(policy_server):
    response = urllib.request.urlopen(policy_server.url + GUIDE)
    assert response.headers["Content-Security-Policy"] == headers.csp_value()
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_recorder_catches_an_inline_script(policy_server, csp_page):
    """Proof that the check below can fail: an inline script IS reported."""
    csp_page.page.goto(policy_server.url)
    csp_page.page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = 1'; document.body.append(s); }""")
    csp_page.page.wait_for_function("() => window.__cspViolations.length > 0")
    assert csp_page.page.evaluate("window.__ran") is None


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_csp_violation(policy_server, csp_page, path):
    page = csp_page.page
    page.goto(policy_server.url + path, wait_until="networkidle")
    page.wait_for_timeout(200)
    assert violations(page) == [] and csp_page.csp_console == []


def test_search_works_under_the_policy(policy_server, csp_page):
    page = csp_page.page
    page.goto(policy_server.url + GUIDE, wait_until="networkidle")
    page.wait_for_selector("[data-bdhvs-search-open]:not([hidden])")
    page.keyboard.press("/")
    page.fill("#bdhvs-search-input", "vneid")
    page.wait_for_function("q => document.getElementById('bdhvs-search-results').dataset.query === q",
                           arg="vneid", timeout=15000)
    assert page.locator(".bdhvs-search__result").count() > 0  # Pagefind (WebAssembly) really ran
    assert violations(page) == [] and csp_page.csp_console == []


def test_projector_mode_works_under_the_policy(policy_server, csp_page):
    page = csp_page.page
    page.goto(policy_server.url + GUIDE + "?trinhchieu=1", wait_until="networkidle")
    page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-stepping')")
    page.keyboard.press("PageDown")
    assert page.text_content("[data-bdhvs=step-status]").startswith("Bước 1/")
    page.evaluate("localStorage.clear()")
    assert violations(page) == [] and csp_page.csp_console == []


def test_video_facade_click_works_under_the_policy(site, policy_server, csp_page):
    pages = [p for p in site.rglob("index.html") if "bdhvs-video__facade" in p.read_text(encoding="utf-8")]
    if not pages:
        pytest.skip("no guide has a YouTube video yet")
    path = pages[0].relative_to(site).parent.as_posix() + "/"
    page = csp_page.page
    page.goto(policy_server.url + path, wait_until="networkidle")
    page.locator(".bdhvs-video__facade").first.click()
    page.wait_for_selector("iframe[src*='youtube-nocookie.com']")
    page.wait_for_timeout(300)
    assert violations(page) == [] and csp_page.csp_console == []
