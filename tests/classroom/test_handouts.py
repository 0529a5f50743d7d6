"""Printable handouts: the print stylesheet (QR code shown, navigation hidden), the QR code
pointing at the ONLINE page, the "Tài liệu in" listing in both languages, and PDFs made
by `bdhvs handouts` with headless Chromium."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bdhvs.classroom import handouts
from bdhvs.classroom.qr import online_url, qr_svg
from classroom_helpers import DESKTOP, GUIDE, policy_server  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://bdhvs-krong-a.github.io/"  # mkdocs.yml default (SITE_URL unset in tests)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_online_url_is_the_published_address_whatever_the_build_style():
    assert online_url("https://x.vn/bdhvs/", "huong-dan/a/") == "https://x.vn/bdhvs/huong-dan/a/"
    assert online_url("https://x.vn/bdhvs", "huong-dan/a.html") == "https://x.vn/bdhvs/huong-dan/a/"
    assert online_url("https://x.vn/", "ede/huong-dan/a/index.html") == "https://x.vn/ede/huong-dan/a/"
    with pytest.raises(ValueError):
        online_url("", "a/")


def test_every_guide_carries_a_qr_code_of_its_online_address(site):
    guides = [p for p in site.glob("huong-dan/*/index.html") if soup(p).select_one("#cac-buoc")]
    assert guides, "no guide with steps found"
    for path in guides + [site / "ede" / GUIDE / "index.html"]:
        rel = path.relative_to(site).as_posix()[: -len("index.html")]
        handout = soup(path).select_one('[data-bdhvs="handout"]')
        assert handout is not None, rel
        expected = SITE_URL + rel
        assert handout.select_one(".bdhvs-handout__url").get_text() == expected
        svg = handout.select_one("svg.bdhvs-qr")
        assert svg["role"] == "img" and svg.get("aria-label")
        # the drawn modules are exactly those of the QR code for that address
        want = BeautifulSoup(qr_svg(expected, label="x"), "html.parser").find("path")["d"]
        assert svg.find("path")["d"] == want, rel


def test_non_guide_pages_have_no_handout_block(site):
    assert soup(site / "index.html").select_one('[data-bdhvs="handout"]') is None


def test_listing_page_exists_in_both_languages_and_links_every_guide(site):
    guides = {p.parent.name for p in site.glob("huong-dan/*/index.html")
              if soup(p).select_one('[data-bdhvs="handout"]')}
    for listing in (site / "tai-lieu-in/index.html", site / "ede/tai-lieu-in/index.html"):
        page = soup(listing)
        assert "Ctrl" in page.get_text() and "A4" in page.get_text()
        items = page.select('ul[data-bdhvs="handout-list"] > li')
        linked = set()
        for li in items:
            href = li.find("a")["href"]
            target = (listing.parent / href / "index.html").resolve()
            assert target.is_file(), href
            linked.add(target.parent.name)
            # no PDF was made in this build: the slot is empty, nothing links a missing file
            assert li.select_one("[data-bdhvs-pdf]").find("a") is None
        assert linked == guides


@pytest.mark.browser
def test_print_shows_qr_and_hides_navigation(policy_server, new_page):
    rec = new_page(**DESKTOP)
    page = rec.page
    page.goto(policy_server.url + GUIDE)
    qr = page.locator('[data-bdhvs="handout"] svg.bdhvs-qr')
    assert not qr.is_visible()  # screen: no QR code
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] > 80 and abs(box["width"] - box["height"]) < 2  # ~32 mm, square
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   "[data-bdhvs-search-open]", "[data-bdhvs=projector-toggle]"):
        loc = page.locator(hidden).first
        assert loc.count() == 0 or not loc.is_visible(), hidden
    text = page.locator("article").inner_text()
    assert "Các bước" in text and "An toàn" in text
    assert re.search(r"\d{2}/\d{2}/20\d\d", text), "the last-reviewed date is printed"
    assert "https://" in page.locator("article").evaluate(
        "a => [...a.querySelectorAll('a[href^=\"http\"]')].map(x => getComputedStyle(x, '::after').content).join(' ')")
    # an image never spills off the paper
    widths = page.eval_on_selector_all("article img", "els => els.map(e => e.getBoundingClientRect().right)")
    page_width = page.evaluate("document.querySelector('article').getBoundingClientRect().right")
    assert all(w <= page_width + 1 for w in widths)


@pytest.mark.browser
def test_print_from_projector_mode_gives_the_whole_handout(policy_server, new_page):
    rec = new_page(**DESKTOP)
    rec.page.goto(policy_server.url + GUIDE + "?trinhchieu=1")
    rec.page.wait_for_function("document.documentElement.classList.contains('bdhvs-stepping')")
    rec.page.emulate_media(media="print")
    shown = rec.page.eval_on_selector_all(".bdhvs-step", "els => els.filter(e => e.offsetParent).length")
    assert shown == rec.page.locator(".bdhvs-step").count() >= 3
    rec.page.evaluate("localStorage.clear()")


@pytest.mark.slow
@pytest.mark.browser
def test_bdhvs_handouts_makes_a4_pdfs_and_lists_them(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "handouts", "--site", str(copy)],
                          cwd=ROOT, env=dict(os.environ, PYTHONUTF8="1"), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    jobs = handouts.jobs(copy)
    assert jobs and all(not j.pdf.startswith("ede/") for j in jobs)  # Ede pages are fallbacks for now
    for job in jobs:
        data = (copy / job.pdf).read_bytes()
        assert data.startswith(b"%PDF-")
        sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        assert sizes and all(abs(float(w) - 595.9) < 2 and abs(float(h) - 842.9) < 2 for w, h in sizes), sizes[:2]
    for listing in (copy / "tai-lieu-in/index.html", copy / "ede/tai-lieu-in/index.html"):
        links = soup(listing).select('a[data-bdhvs="handout-pdf"]')
        assert len(links) == len(jobs)
        for a in links:
            assert (listing.parent / a["href"]).resolve().is_file()
            assert re.fullmatch(r"Tải bản PDF \(A4, [\d,]+ (kB|MB)\)", a.get_text())


def test_handouts_without_a_build_explains_what_to_do(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "handouts", "--site", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "make site" in proc.stderr and "Traceback" not in proc.stderr
