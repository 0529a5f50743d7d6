"""Only the part of Material's stylesheet the pages use is sent (issue 24), and nothing a
reader sees changes: every page type, in every reading mode, on a phone, is pixel for
pixel the same with the subset as with Material's whole stylesheet."""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import material
import pytest
from PIL import Image, ImageChops

from bdhvs.theme import bundle, css_subset
from conftest import PHONE, StaticServer

pytestmark = pytest.mark.browser

PAGES = ["", "huong-dan/cai-dat-vneid/", "huong-dan/", "thuat-ngu/", "ede/", "404.html"]
MODES = {"default": {}, "high-contrast": {"bdhvs.contrast": "high"}, "largest-text": {"bdhvs.textSize": "3"}}


# Chromium draws some decorations (the glossary's dotted underline) a pixel differently from one
# capture to the next; a stylesheet rule that goes missing moves or recolours far more than this.
NOISE_PIXELS = 400


def _changed_pixels(a: Image.Image, b: Image.Image) -> int:
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 16 else 0)
    return diff.histogram()[255]


def _material_css() -> Path:
    found = list((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def full_site(site, tmp_path_factory):
    """The same built site with Material's whole stylesheet in place of the subset."""
    copy = tmp_path_factory.mktemp("full-css") / "site"
    shutil.copytree(site, copy)
    subset = [p for p in (copy / "assets" / "stylesheets").glob("main.*.min.css")]
    assert len(subset) == 1
    shutil.copyfile(_material_css(), subset[0])
    # Pages link the one bundled stylesheet (theme/bundle.py): rebuild it, same name, around
    # the whole of Material's stylesheet.
    bundled = list((copy / "assets" / "stylesheets").glob("bdhvs.*.min.css"))
    assert len(bundled) == 1
    bundled[0].write_text(bundle.css_bundle(copy), encoding="utf-8")
    return copy


def test_the_subset_is_much_smaller_and_the_only_theme_stylesheet(site):
    files = list((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(files) == 1 and files[0].name != _material_css().name
    whole = len(gzip.compress(_material_css().read_bytes(), 6))
    part = len(gzip.compress(files[0].read_bytes(), 6))
    assert part < 0.5 * whole, (part, whole)
    page = (site / "huong-dan" / "cai-dat-vneid" / "index.html").read_text(encoding="utf-8")
    assert _material_css().name not in page and files[0].name not in page
    # the page's one stylesheet starts with the subset (then the site's own styles)
    linked = re.findall(r'href="[^"]*assets/stylesheets/([^"/]+\.css)"', page)
    assert len(linked) == 1, linked
    text = (site / "assets" / "stylesheets" / linked[0]).read_text(encoding="utf-8")
    assert text.startswith(files[0].read_text(encoding="utf-8"))


def _shots(browser, root: Path, out: Path) -> dict[str, Path]:
    shots = {}
    server = StaticServer(root)
    try:
        for mode, storage in MODES.items():
            context = browser.new_context(**PHONE)
            context.add_init_script("".join(f"localStorage.setItem({k!r}, {v!r});" for k, v in storage.items()))
            page = context.new_page()
            for path in PAGES:
                page.goto(server.url + path, wait_until="networkidle")
                # Lazy pictures below the fold would load during the full-page capture, or not:
                # load them all first so both captures show the same page.
                page.evaluate("""() => Promise.all([...document.images].map(i => {
                    i.loading = 'eager'; return i.decode().catch(() => null); }))""")
                name = f"{mode}-{path.strip('/').replace('/', '_') or 'home'}.png"
                page.screenshot(path=out / name, full_page=True)
                shots[name] = out / name
            context.close()
    finally:
        server.close()
    return shots


def test_every_page_type_looks_the_same_in_every_reading_mode(browser, site, full_site, tmp_path):
    (tmp_path / "subset").mkdir()
    (tmp_path / "full").mkdir()
    def differing(subset: dict, full: dict) -> set[str]:
        out = set()
        for name, path in subset.items():
            a, b = Image.open(path).convert("RGB"), Image.open(full[name]).convert("RGB")
            if a.size != b.size or _changed_pixels(a, b) > NOISE_PIXELS:
                out.add(name)
        return out

    differ = differing(_shots(browser, site, tmp_path / "subset"), _shots(browser, full_site, tmp_path / "full"))
    if differ:
        # Chromium draws a dotted underline (the glossary's abbr) a pixel differently from one
        # capture to the next: a difference counts only when a second pair of captures shows it too.
        (tmp_path / "subset2").mkdir()
        (tmp_path / "full2").mkdir()
        differ &= differing(_shots(browser, site, tmp_path / "subset2"), _shots(browser, full_site, tmp_path / "full2"))
    assert not differ, sorted(differ)


def test_a_rule_for_something_no_page_has_is_dropped_and_variables_follow():
    tokens = css_subset.Tokens()
    tokens.add_html(b'<div class="md-typeset"><p id="x">hi</p></div>')
    css = (":root{--used:red;--unused:blue;--chain:var(--used)}"
           ".md-typeset p{color:var(--chain)}.md-tabs{color:var(--unused)}"
           "@media (min-width:10em){.md-tabs{margin:0}.md-typeset{margin:1px}}"
           ".md-typeset :not(.nothing)>p:hover{color:red}")
    out = css_subset.subset(css, tokens)
    assert ".md-tabs" not in out and "--unused" not in out
    assert "--used:red" in out and "--chain" in out and ".md-typeset p" in out
    assert "@media" in out and ".md-typeset{margin:1px}" in out.replace(" ", "")
    assert ":not(.nothing)" in out  # what is inside :not() never drops a rule
