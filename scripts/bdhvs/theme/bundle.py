"""One stylesheet and one script for every page (issue 24, page weight).

Each small file of the site (site.css, guide.css, reading.js, search.js…) cost a phone on
3G one more request and a gzip stream of its own, and their comments were sent too. After
the build (and after css_subset has cut Material's stylesheet down), the files below are
minified (rcssmin, rjsmin) and joined, in this order, into

    assets/stylesheets/bdhvs.<hash>.min.css     (in <head>, render-blocking as before)
    assets/javascripts/bdhvs.<hash>.min.js      (end of <body>, ``defer``)

The templates point at the placeholders ``bdhvs.min.css`` / ``bdhvs.min.js``
(overrides/main.html, partials/bdhvs/scripts.html); every page is then pointed at the
content-hashed name, so a browser never mixes an old cached bundle with new pages and the
web server can cache it for a year (deploy/headers.py, rule "fingerprinted").

NOT bundled, loaded only where or when needed:
- reading-early.js: runs in <head> before the first paint (saved text size, contrast);
- contrib.js, contrib.css: the contributors' phone pages only;
- search-ui.js, search.css and the index: when the reader opens search (search.js);
- projector.js, projector.css: when projector mode is turned on (classroom.js).

The member files stay in the site (not linked from any page) for tools that read them.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError

STYLESHEETS = "assets/stylesheets"
SCRIPTS = "assets/javascripts"

# Order = cascade order of the former <link> tags: Material, then ours.
CSS_MEMBERS = [
    "site.css",  # colours, header words, home, reading modes (every page)
    "classroom.css",  # print handout; projector toggle (the projector itself: projector.css)
    "media.css",  # screenshots, sketches, video facade, audio buttons
    "guide.css",  # guide labels, sources box, staff notes, glossary abbreviations
    "guide-kit.css",  # safety box, self-check
]
# Order = the former execution order: reading.js ran first (not deferred), then the rest.
# Each script finds its own elements and does nothing on a page without them.
JS_MEMBERS = [
    "on-demand.js",  # the site's root and add(<link>/<script>) for the two members below that load on demand
    "reading.js",  # text size and contrast controls
    "classroom.js",  # projector toggle and ?projector=1; loads projector.js on demand
    "self-check.js",  # self-check answers as buttons
    "media.js",  # tap-to-zoom, click-to-load video, audio buttons, pictures for print
    "search.js",  # search button; loads search-ui.js + search.css + index on demand
]

CSS_PLACEHOLDER = "bdhvs.min.css"
JS_PLACEHOLDER = "bdhvs.min.js"
_THEME_CSS = re.compile(r"main\.[0-9a-f]{8}\.min\.css")


_BUNDLE = re.compile(r"bdhvs\.[0-9a-f]{8}\.min\.(?:css|js)")


def _hashed(folder: Path, text: str, suffix: str) -> Path:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    target = folder / f"bdhvs.{digest}.{suffix}"
    for old in folder.glob(f"bdhvs.*.{suffix}"):  # a previous build into the same folder
        if old != target and _BUNDLE.fullmatch(old.name):
            old.unlink()
    target.write_text(text, encoding="utf-8")
    return target


def _read(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file():
        raise PluginError(
            f"Thiếu tệp overrides/assets/{folder.name}/{name} "
            "mà scripts/bdhvs/theme/bundle.py gộp vào mọi trang. Khôi phục tệp đó, hoặc bỏ tên nó khỏi "
            "CSS_MEMBERS / JS_MEMBERS trong bundle.py.")
    return path.read_text(encoding="utf-8")


def css_bundle(site_dir: Path) -> str:
    """Material's stylesheet (already cut down) followed by ours, minified."""
    folder = site_dir / STYLESHEETS
    theme = [p for p in folder.glob("main.*.min.css") if _THEME_CSS.fullmatch(p.name)]
    parts = [p.read_text(encoding="utf-8") for p in theme[:1]]
    parts += [rcssmin.cssmin(_read(folder, name)) for name in CSS_MEMBERS]
    return "\n".join(parts) + "\n"


def js_bundle(site_dir: Path) -> str:
    """The scripts, minified, each in its own try block: one that fails (an old phone's
    browser) stops only itself, as when they were separate files; its error is still
    reported (thrown again outside the bundle's run)."""
    folder = site_dir / SCRIPTS
    parts = []
    for name in JS_MEMBERS:
        code = rjsmin.jsmin(_read(folder, name))
        parts.append(f"try{{{code};\n}}catch(e){{setTimeout(function(){{throw e}})}}")
    return "\n".join(parts) + "\n"


def apply(site_dir: Path) -> tuple[Path, Path]:
    """Write both bundles under content-hashed names and point every page at them."""
    site_dir = Path(site_dir)
    css = _hashed(site_dir / STYLESHEETS, css_bundle(site_dir), "min.css")
    js = _hashed(site_dir / SCRIPTS, js_bundle(site_dir), "min.js")
    swaps = [(f"{STYLESHEETS}/{CSS_PLACEHOLDER}".encode(), f"{STYLESHEETS}/{css.name}".encode()),
             (f"{SCRIPTS}/{JS_PLACEHOLDER}".encode(), f"{SCRIPTS}/{js.name}".encode())]
    for page in site_dir.rglob("*.html"):
        raw = page.read_bytes()
        new = raw
        for old, name in swaps:
            new = new.replace(old, name)
        if new != raw:
            page.write_bytes(new)
    return css, js
