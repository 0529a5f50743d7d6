"""Page-weight budget of every guide page opened cold (from a QR code) and of the home's
first visit, in a real Chromium on a phone: compressed bytes before images
(settings.PAGE_BUDGET_BEFORE_IMAGES, 30 kB), request count, zero third-party requests, lazy
images below the first screen. Deterministic: bytes are the gzip size of what the browser
received (see bdhvs/audit/weight.py)."""
import pytest

from a11y_pages import guide_paths
from bdhvs import settings
from bdhvs.audit.browser import record_page_weight
from conftest import PHONE

pytestmark = pytest.mark.browser


# Content images whose top is below the first screen of the phone, and their `loading`.
IMAGES_BELOW_FOLD = """h => [...document.querySelectorAll('article img')]
  .filter(i => i.getBoundingClientRect().top + scrollY > h)
  .map(i => [i.getAttribute('loading'), i.outerHTML.slice(0, 120)])"""


@pytest.fixture(scope="module")
def weights(browser, server, site):
    out = {}
    for path in guide_paths(site):
        context = browser.new_context(**PHONE)
        out[path] = record_page_weight(
            context, server.url + path, server.origin,
            inspect=lambda page: page.evaluate(IMAGES_BELOW_FOLD, PHONE["viewport"]["height"]))
        context.close()
    return out


@pytest.fixture(scope="module", params=["", "ede/"], ids=["vi", "ede"])
def home(request, browser, server):
    """Each home page (Vietnamese, Ede: with the Ede font), first visit (empty cache), as a
    phone on the village's network loads it."""
    context = browser.new_context(**PHONE)
    try:
        return record_page_weight(context, server.url + request.param, server.origin)
    finally:
        context.close()


def test_the_home_first_visit_stays_under_the_byte_budget(home):
    assert home.by_kind("html") and home.by_kind("css") and home.by_kind("js")  # the recorder saw the page
    assert home.before_images() <= settings.PAGE_BUDGET_BEFORE_IMAGES, (
        f"{home.before_images():,} B > {settings.PAGE_BUDGET_BEFORE_IMAGES:,} B\n{home.describe()}")


def test_the_home_first_visit_stays_under_the_request_budget(home):
    before_images = [r.url for r in home.resources if r.kind not in {"image", "media"}]
    assert len(before_images) <= settings.PAGE_REQUEST_BUDGET, "\n".join(before_images)
    assert not home.third_party, home.third_party


def test_every_guide_page_stays_under_the_byte_budget(weights):
    assert len(weights) >= 2
    over = {p: w.before_images() for p, w in weights.items() if w.before_images() > settings.PAGE_BUDGET_BEFORE_IMAGES}
    assert not over, "\n\n".join(f"{p}: {b:,} B > {settings.PAGE_BUDGET_BEFORE_IMAGES:,} B\n{weights[p].describe()}"
                                 for p, b in over.items())


def test_the_budget_counts_what_the_browser_really_loads(weights):
    """The recorder is not blind: HTML, CSS and JS of the page are all counted."""
    for path, weight in weights.items():
        kinds = {r.kind for r in weight.resources}
        assert {"html", "css", "js"} <= kinds, (path, kinds)
        assert weight.by_kind("css") > 10_000  # Material's main stylesheet


def test_pages_in_vietnamese_do_not_download_the_ede_font(weights, site):
    """Vietnamese pages, and Ede pages still showing the Vietnamese text (fallback)."""
    checked = 0
    for path, weight in weights.items():
        html = (site / path / "index.html").read_text(encoding="utf-8")
        if not path.startswith("ede/") or 'data-bdhvs="fallback-content"' in html:
            checked += 1
            assert weight.by_kind("font") == 0, f"{path}\n{weight.describe()}"
    assert checked


def test_every_guide_page_stays_under_the_request_budget(weights):
    over = {p: w.requests for p, w in weights.items()
            if sum(1 for r in w.resources if r.kind not in {"image", "media"}) > settings.PAGE_REQUEST_BUDGET}
    assert not over, over


def test_no_guide_page_contacts_a_third_party(weights):
    offenders = {p: w.third_party for p, w in weights.items() if w.third_party}
    assert not offenders, offenders


def test_content_images_below_the_first_screen_load_lazily(weights):
    below = [(p, img) for p, w in weights.items() for img in w.inspected]
    problems = [f"{p}: {html}" for p, (loading, html) in below if loading != "lazy"]
    assert not problems, "\n".join(problems)
    if not below:
        pytest.skip("no guide has a content image below the first screen yet")
