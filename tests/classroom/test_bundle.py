"""The offline bundle, opened EXACTLY the documented way: unzip, double-click
MO-TRANG-NAY.html (a file:// page), with networking disabled. Pages, images, language
switch and search all work."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bdhvs.classroom import bundle

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "bundle", "--out", str(out)], cwd=ROOT,
                          env=dict(os.environ, PYTHONUTF8="1"), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zip_path = out / f"{bundle.FOLDER}.zip"
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert all(n.startswith(bundle.FOLDER + "/") for n in names)  # one folder, nothing loose
        zf.extractall(out / "usb")
    return out / "usb" / bundle.FOLDER


@pytest.fixture
def offline(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_offline(True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    # Belt and braces: anything that is not a local file is refused.
    context.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:")
                  else route.continue_())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A request the next navigation cancels (the favicon while page.goto leaves) is not a missing
    # file: net::ERR_ABORTED is left out; a file that is not there fails with ERR_FILE_NOT_FOUND.
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and errors.append(
        f"failed {r.url} ({r.failure})"))
    yield page, requests, errors
    context.close()


def images_ok(page) -> list[str]:
    """Images of the page that did not load."""
    page.wait_for_load_state("load")
    return page.eval_on_selector_all(
        "img", "els => els.filter(e => e.loading !== 'lazy' || e.complete).filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")


def test_bundle_has_opener_readme_and_the_site(unzipped):
    assert (unzipped / bundle.OPENER).is_file()
    text = (unzipped / bundle.README).read_bytes().decode("utf-8-sig")
    assert "MO-TRANG-NAY.html" in text and "Không cần Internet" in text
    assert (unzipped / "trang/index.html").is_file() and (unzipped / "trang/ede/index.html").is_file()


def test_every_link_in_the_bundle_points_at_a_file_that_exists(unzipped):
    site = unzipped / "trang"
    missing = []
    for page in site.rglob("*.html"):
        if page.name == "404.html" and page.parent == site:
            continue  # shown by web servers only, never from file://
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for el, attr in [(a, "href") for a in soup.find_all("a", href=True)] + \
                        [(i, "src") for i in soup.find_all(["img", "script", "source", "track"], src=True)] + \
                        [(link, "href") for link in soup.find_all("link", href=True)]:
            ref = el[attr].split("#")[0].split("?")[0]
            if not ref or ref.startswith(("http:", "https:", "mailto:", "tel:", "sms:", "data:")):
                continue
            target = (page.parent / ref).resolve()
            # file:// has no directory index: a link must name the file itself
            if not target.is_file():
                missing.append(f"{page.relative_to(site)} -> {el[attr]}")
    assert missing == []


def test_opened_from_file_without_network(unzipped, offline):
    page, requests, errors = offline
    page.goto((unzipped / bundle.OPENER).as_uri())
    page.wait_for_url("**/trang/index.html")
    assert page.locator("article h1").count() == 1
    assert images_ok(page) == []
    # navigation: a guide, then the same guide in Ede, then back
    page.click("article a[href$='cai-dat-vneid.html']")
    page.wait_for_url("**/huong-dan/cai-dat-vneid.html")
    assert "VNeID" in page.locator("article h1").inner_text()
    assert images_ok(page) == []
    ede = page.locator("a[data-bdhvs=language-link][hreflang='rad']").get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + ede)
    assert page.url.endswith("/ede/huong-dan/cai-dat-vneid.html")
    assert page.locator("html").get_attribute("lang") == "rad"
    # the projector works offline too
    page.goto(page.url + "?trinhchieu=1")
    page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-stepping')")
    page.evaluate("localStorage.clear()")
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []


def test_images_and_local_videos_of_every_guide_load_offline(unzipped, offline):
    page, _requests, errors = offline
    site = unzipped / "trang"
    with_media = [p for p in site.rglob("*.html")
                  if "<img" in p.read_text(encoding="utf-8").split("<article", 1)[-1]
                  or "<video" in p.read_text(encoding="utf-8")]
    if not with_media:
        pytest.skip("no page has images or videos in its content yet")
    for path in with_media[:8]:
        page.goto(path.as_uri())
        page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        assert images_ok(page) == [], path.relative_to(site)
        for src in page.eval_on_selector_all("video source, video[src]", "els => els.map(e => e.src)"):
            assert Path(src.replace("file://", "")).is_file(), src
    assert errors == []


def test_search_finds_pages_offline(unzipped, offline):
    page, requests, errors = offline
    page.goto((unzipped / "trang/huong-dan/index.html").as_uri())
    page.wait_for_selector("[data-bdhvs-search-open]:not([hidden])")
    page.keyboard.press("/")
    page.fill("#bdhvs-search-input", "vneid gia")
    page.wait_for_function("q => document.getElementById('bdhvs-search-results').dataset.query === q",
                           arg="vneid gia", timeout=15000)
    hrefs = page.eval_on_selector_all(".bdhvs-search__result", "els => els.map(e => e.href)")
    assert any(h.endswith("huong-dan/cai-dat-vneid.html") for h in hrefs), hrefs
    page.goto(hrefs[0])
    assert page.locator("article h1").count() == 1
    assert errors == [] and [u for u in requests if not u.startswith("file:")] == []
