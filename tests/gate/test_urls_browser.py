"""The URL cases (tests/gate/cases/url-*/, snippets/) built into one fixture site and opened in
a real Chromium, which parses every URL and attribute itself: on each case page no dialog
opens, nothing is requested from another host, no element carries an event handler, and
every link, image and quote in the article resolves (by the browser's own URL parser) to
this site, https on an allowed host, mailto: or tel: — never javascript:/data:/file:,
never evil.example, never an IP address."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gatekit
from conftest import StaticServer

CASES = [c for c in gatekit.load_cases() if c.family.startswith(("url-", "snippets"))]
ALLOWED_EXTERNAL = {"dichvucong.gov.vn", "vneid.gov.vn", "www.facebook.com", "facebook.com", "play.google.com"}

# Runs in the page: every URL-bearing attribute resolved by the browser, and every on* attribute.
SCRIPT = """() => {
  const attrs = ["href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href"];
  const urls = [], handlers = [];
  for (const el of document.querySelectorAll("*")) {
    const inArticle = !!el.closest("article");
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) handlers.push(el.tagName + " " + a.name);
      if (!inArticle) continue;  // the theme's own links (canonical, footer) are not editors' input
      if (attrs.includes(a.name)) {
        try { urls.push(new URL(a.value, location.href).href); } catch (e) { urls.push("unparsable:" + a.value); }
      }
      if (a.name === "srcset" || a.name === "ping") {
        for (const part of a.value.split(/[,\\s]+/)) {
          if (part && !/^\\d+(\\.\\d+)?[wx]$/.test(part)) {
            try { urls.push(new URL(part, location.href).href); } catch (e) {}
          }
        }
      }
    }
  }
  return {urls, handlers};
}"""


@pytest.fixture(scope="module")
def case_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("urlsite")
    project = gatekit.make_project(base / "project")
    for case in CASES:
        for src in sorted((case.path / "tree").rglob("*")):
            if src.is_file():
                target = project / src.relative_to(case.path / "tree")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
    site = base / "site"
    # The strict build fails (the cases are hostile) but writes every page, cleaned — except when a
    # privacy error stops it before any file is written (an e-mail-like "host@evil" in a URL): such a
    # page is set aside with the build's own words and the rest is built again without it.
    blocked: dict[str, str] = {}
    for _ in range(len(CASES) + 1):
        out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                              "-d", str(site)], cwd=project, env=gatekit.ENV, capture_output=True, text=True)
        stop = re.search(r"^ERROR\s+-\s+(docs/\S+?\.md):\d+:\d+\s+PRIV-\S+\s+Dừng dựng trang.*$",
                         out.stdout + out.stderr, re.M)
        if not stop:
            return site, blocked
        blocked[Path(stop.group(1)).stem] = stop.group(0)
        (project / stop.group(1)).unlink()
    raise AssertionError("the privacy stop did not end")


def _slugs():
    return sorted({p.name.removesuffix(".md") for c in CASES for p in (c.path / "tree" / "docs" / "vi" / "huong-dan").glob("*.md")})


@pytest.mark.slow
@pytest.mark.parametrize("slug", _slugs())
def test_case_page_is_inert_in_chromium(case_site, new_page, slug):
    case_site, blocked = case_site
    page_file = case_site / "huong-dan" / slug / "index.html"
    if slug in blocked:  # the build stopped before writing any file: nothing of this page is published
        assert f"docs/vi/huong-dan/{slug}.md:" in blocked[slug]
        return
    assert page_file.exists(), f"{slug} was not built"
    server = StaticServer(case_site)
    try:
        rec = new_page()
        dialogs = []
        rec.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        origin = server.url.rstrip("/")
        rec.context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                          else route.abort())
        rec.page.goto(f"{origin}/huong-dan/{slug}/", wait_until="load")
        rec.page.wait_for_timeout(200)
        found = rec.page.evaluate(SCRIPT)
    finally:
        server.close()
    assert not dialogs, dialogs
    assert not rec.third_party(origin), rec.third_party(origin)
    assert not found["handlers"], found["handlers"]
    bad = []
    for url in found["urls"]:
        scheme, _, rest = url.partition(":")
        host = rest.lstrip("/").split("/")[0].split("?")[0].split("#")[0].rsplit("@", 1)[-1]
        if url.startswith(origin) or scheme in ("mailto", "tel"):
            continue
        if scheme != "https" or host not in ALLOWED_EXTERNAL:
            bad.append(url)
    assert not bad, bad
