"""The site published under a sub-path (https://<commune-site>/binh-dan-hoc-vu-so/): built
with SITE_URL, served ONLY under that path, every page and asset of both languages is
crawled and nothing is broken — links, anchors, images, CSS urls, sitemap, search."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from bdhvs.deploy.serve import SiteServer
from conftest import build_site

SUB = "/binh-dan-hoc-vu-so/"
SITE_URL = "https://xa-krong-a.example" + SUB

REFS = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
        ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("iframe", "src")]
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@pytest.fixture(scope="module")
def sub_site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("subpath") / "site", env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def sub_server(sub_site):
    srv = SiteServer(sub_site, prefix=SUB)
    yield srv
    srv.close()


def _refs(url: str, body: bytes, content_type: str) -> list[str]:
    if content_type.startswith("text/css"):
        return [m for m in CSS_URL.findall(body.decode("utf-8", "replace")) if not m.startswith("data:")]
    if not content_type.startswith("text/html"):
        return []
    soup = BeautifulSoup(body, "lxml")
    found = []
    for tag, attr in REFS:
        for el in soup.find_all(tag):
            if el.get(attr):
                found.append(el[attr])
    for el in soup.find_all(["img", "source"], srcset=True):
        found += [part.strip().split()[0] for part in el["srcset"].split(",") if part.strip()]
    for el in soup.find_all(style=True):
        found += CSS_URL.findall(el["style"])
    return found


def crawl(server: SiteServer, seeds: list[str]):
    """Fetch every reachable same-site URL; return (pages, broken) where broken lists problems."""
    todo, seen, pages, broken = deque(seeds), set(seeds), {}, []
    anchors: list[tuple[str, str, str]] = []  # (from, page url, fragment)
    while todo:
        url = todo.popleft()
        try:
            resp = urllib.request.urlopen(url)
            body, ctype = resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            broken.append(f"{exc.code} {url}")
            continue
        if ctype.startswith("text/html"):
            pages[url] = body
        for ref in _refs(url, body, ctype):
            if ref.startswith(("mailto:", "tel:", "javascript:", "data:", "blob:")):
                continue
            target = urljoin(url, ref)
            if target.startswith(SITE_URL):  # absolute links to the published site: canonical, QR…
                target = server.url + target[len(SITE_URL):]
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != server.origin:
                continue  # official sources elsewhere on the internet: not fetched in tests
            if not parts.path.startswith(SUB):
                broken.append(f"outside {SUB}: {ref} (from {url})")
                continue
            target, fragment = urldefrag(target)
            if fragment and ctype.startswith("text/html"):
                anchors.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                todo.append(target)
    ids: dict[str, set[str]] = {}
    for source, target, fragment in anchors:
        body = pages.get(target)
        if body is None:
            continue  # the page itself is reported above if broken
        if target not in ids:
            soup = BeautifulSoup(body, "lxml")
            ids[target] = {el["id"] for el in soup.find_all(id=True)} | \
                {el["name"] for el in soup.find_all(attrs={"name": True})}
        if fragment not in ids[target]:
            broken.append(f"missing anchor #{fragment} in {target} (from {source})")
    return pages, broken


def test_every_page_and_asset_of_both_languages_works_under_the_sub_path(sub_site, sub_server):
    html_files = sorted(p.relative_to(sub_site).as_posix() for p in sub_site.rglob("*.html"))
    seeds = [sub_server.url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
             for rel in html_files]
    pages, broken = crawl(sub_server, seeds)
    assert broken == []
    assert any("/ede/" in u for u in pages) and len(pages) >= len(html_files)
    # the crawl really followed links to assets, not only the seeds
    assert sum(1 for u in pages) > 10


def test_links_to_the_site_root_stay_inside_the_sub_path(sub_site):
    for path in sub_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag, attr in REFS:
            for el in soup.find_all(tag):
                value = el.get(attr) or ""
                assert not (value.startswith("/") and not value.startswith("//") and not value.startswith(SUB)), \
                    (path.relative_to(sub_site).as_posix(), value)


def test_sitemap_and_qr_codes_use_the_sub_path_address(sub_site, sub_server):
    sitemap = (sub_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    for loc in locs:
        assert urllib.request.urlopen(sub_server.url + loc[len(SITE_URL):]).status == 200
    guide = BeautifulSoup((sub_site / "huong-dan/cai-dat-vneid/index.html").read_text(encoding="utf-8"), "lxml")
    assert guide.select_one(".bdhvs-handout__url").get_text() == SITE_URL + "huong-dan/cai-dat-vneid/"


@pytest.mark.browser
def test_search_and_assets_load_under_the_sub_path(sub_server, new_page):
    rec = new_page(viewport={"width": 1280, "height": 800})
    bad = []
    rec.page.on("response", lambda r: r.status >= 400 and bad.append(f"{r.status} {r.url}"))
    rec.page.goto(sub_server.url + "ede/huong-dan/cai-dat-vneid/", wait_until="networkidle")
    rec.page.wait_for_selector("[data-bdhvs-search-open]:not([hidden])")
    rec.page.keyboard.press("/")
    rec.page.fill("#bdhvs-search-input", "vneid")
    rec.page.wait_for_function("q => document.getElementById('bdhvs-search-results').dataset.query === q",
                               arg="vneid", timeout=15000)
    hrefs = rec.page.eval_on_selector_all(".bdhvs-search__result", "els => els.map(e => e.href)")
    assert hrefs and all(h.startswith(sub_server.url) for h in hrefs)
    rec.page.goto(hrefs[0], wait_until="networkidle")
    assert rec.page.locator("article h1").count() == 1
    outside = [u for u in rec.requests if u.startswith(sub_server.origin) and not u.startswith(sub_server.url)]
    assert bad == [] and outside == []
