"""The site's small stylesheets and scripts reach a page as ONE stylesheet and ONE script
(scripts/bdhvs/theme/bundle.py, issue 24): few requests on 3G, content-hashed names the web
server may cache for a year, nothing inline (the CSP forbids it)."""
from __future__ import annotations

import hashlib
import re

from a11y_pages import page_paths
from bdhvs.deploy import headers
from bdhvs.theme import bundle

LINKED = re.compile(r'<(?:link[^>]*\bhref|script[^>]*\bsrc)="([^"]*assets/(?:stylesheets|javascripts)/[^"]+)"')
ON_DEMAND_OR_ELSEWHERE = {"reading-early.js", "contrib.js", "contrib.css"}


def _assets(site, path: str) -> list[str]:
    html = (site / path / "index.html") if not path.endswith(".html") else site / path
    return [u.rsplit("/", 1)[-1] for u in LINKED.findall(html.read_text(encoding="utf-8"))]


def test_every_page_links_one_stylesheet_and_one_script_of_the_site(site):
    pages = page_paths(site)
    assert len(pages) > 20
    seen = set()
    for path in pages:
        names = [n for n in _assets(site, path) if n not in ON_DEMAND_OR_ELSEWHERE]
        css = [n for n in names if n.endswith(".css")]
        js = [n for n in names if n.endswith(".js")]
        assert len(css) == 1 and len(js) == 1, (path, names)  # no member file linked on its own
        seen.update(names)
    assert len(seen) == 2, seen  # the same two files on every page: cached once for the whole site


def test_the_bundles_are_named_after_their_content_and_cached_for_a_year(site):
    names = set(_assets(site, "huong-dan/cai-dat-vneid/")) - ON_DEMAND_OR_ELSEWHERE
    for name in names:
        folder = "stylesheets" if name.endswith(".css") else "javascripts"
        body = (site / "assets" / folder / name).read_bytes()
        assert name.split(".")[1] == hashlib.sha256(body).hexdigest()[:8], name
        assert headers.cache_control(f"/assets/{folder}/{name}") == headers.YEAR


def test_every_member_is_in_the_bundle_in_order(site):
    """Each file's code is in the bundle, in the order the cascade and the scripts expect."""
    page = (site / "huong-dan" / "cai-dat-vneid" / "index.html").read_text(encoding="utf-8")
    css_name = re.search(r"assets/stylesheets/(bdhvs\.[0-9a-f]{8}\.min\.css)", page).group(1)
    js_name = re.search(r"assets/javascripts/(bdhvs\.[0-9a-f]{8}\.min\.js)", page).group(1)
    css = (site / "assets" / "stylesheets" / css_name).read_text(encoding="utf-8")
    js = (site / "assets" / "javascripts" / js_name).read_text(encoding="utf-8")
    # a class each member styles or uses, in member order
    css_marks = [".md-header", ".bdhvs-emergency", ".bdhvs-handout", ".bdhvs-shot", ".bdhvs-sources", ".bdhvs-selfcheck"]
    positions = [css.find(m) for m in css_marks]
    assert -1 not in positions and positions == sorted(positions), dict(zip(css_marks, positions))
    js_marks = ["bdhvsOnDemand", "bdhvs-text-size", "projector.js", "bdhvs-selfcheck__choice", "bdhvs-zoomed", "search-ui.js"]
    positions = [js.find(m) for m in js_marks]
    assert -1 not in positions and positions == sorted(positions), dict(zip(js_marks, positions))
    assert len(bundle.JS_MEMBERS) == len(js_marks)
    assert "/*" not in js  # minified: comments are not sent


def test_a_script_that_fails_stops_only_itself(browser, tmp_path, monkeypatch):
    """As separate files did: an error in one member (an old phone's browser) does not stop
    the search button or the text-size controls that come after it in the bundle."""
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "broken.js").write_text("/* a member */ (function () { null.x; })();\n", encoding="utf-8")
    (folder / "after.js").write_text("(function () { window.ranAfter = true; })()\n", encoding="utf-8")
    monkeypatch.setattr(bundle, "JS_MEMBERS", ["broken.js", "after.js"])
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.set_content("<!doctype html><title>t</title>")
        page.add_script_tag(content=bundle.js_bundle(tmp_path))
        page.wait_for_timeout(50)
        assert page.evaluate("window.ranAfter === true")
        assert errors  # the failure is still reported
    finally:
        context.close()


def test_a_missing_member_is_a_clear_error_not_a_traceback(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    monkeypatch.setattr(bundle, "JS_MEMBERS", ["khong-co.js"])
    try:
        bundle.js_bundle(tmp_path)
    except PluginError as err:
        assert "overrides/assets/javascripts/khong-co.js" in str(err) and "JS_MEMBERS" in str(err)
    else:
        raise AssertionError("no error for a missing member")
