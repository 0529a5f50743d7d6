"""Which built pages go into the search index, and how.

Rules (pure functions, no MkDocs, no Pagefind):

- Only the article is indexed (``article.md-content__inner``); navigation, header,
  footer, permalink signs and the fallback notice are not.
- A page's index is its ``<html lang>``: ``vi`` or ``rad`` (Ede).
- An Ede page that has no translation yet is a *fallback*: the same content as the
  Vietnamese page (marked ``data-bdhvs="fallback-content"`` by main.html). It is NOT
  indexed a second time. Instead its Vietnamese twin is marked (``in_ede_search``, with
  ``ede_url``/``ede_path``: the Ede address to open, so the reader stays in the Ede site).
- The front matter reaches the indexer through ``<meta name="bdhvs-search">`` (written
  by overrides/partials/bdhvs/search/head.html): ``page_type``, ``title``,
  ``description``. Pages of a hidden type (``rules.HIDDEN_TYPES``: editors' pages) are
  not indexed at all, in either language.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs.search import rules

# Inside the article, never indexed.
EXCLUDE_SELECTORS = [
    ".headerlink",
    "[data-bdhvs='fallback-notice']",
    "[data-bdhvs='draft-notice']",  # the same notice on every draft guide
    "[data-bdhvs='guide-labels']",  # "Dành cho… Chủ đề…" links, the same words on every guide
    "[data-bdhvs='handout']",  # print-only QR footer, the same words on every guide
    ".md-content__button",
    ".md-source-file",
    ".md-tags",
    "script",
    "style",
    "noscript",
    "svg",
]
EDE_PREFIX = "ede/"
SKIP_DIRS = {"assets", "pagefind", "search", "search-index"}
SKIP_FILES = {"404.html"}

_ARTICLE_OPEN_PATTERN = r"<article\b[^>]*\bmd-content__inner\b[^>]*>"


@dataclass
class Page:
    path: str  # file path relative to the site root, with "/" ("huong-dan/x/index.html")
    lang: str  # html lang: "vi" or "rad"
    fallback: bool  # an Ede page built from the Vietnamese source
    has_article: bool
    ede_url: str | None = None  # for a vi page whose Ede twin is a fallback: its URL…
    ede_path: str | None = None  # …and its file path
    in_ede_search: bool = False
    meta: dict[str, str] = field(default_factory=dict)
    article: str | None = field(default=None, repr=False)  # the article's HTML, when has_article
    title: str = ""  # the page's <title>
    page_type: str = ""  # front matter page_type ("" when the page has no marker)
    fm_title: str = ""  # front matter title (may differ from the h1)
    description: str = ""  # front matter description

    @property
    def url(self) -> str:
        """Site-root-relative URL, as a reader sees it ("/huong-dan/x/")."""
        return page_url(self.path)

    @property
    def indexed(self) -> bool:
        return self.has_article and not self.fallback and self.page_type not in rules.HIDDEN_TYPES


def page_url(path: str) -> str:
    if path == "index.html":
        return "/"
    if path.endswith("/index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path


def html_files(site_dir: Path) -> list[Path]:
    files = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir)
        if rel.parts[0] in SKIP_DIRS or rel.as_posix() in SKIP_FILES:
            continue
        files.append(path)
    return files


_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=\"([^\"]*)\"", re.I)
_FALLBACK_MARK = b'data-bdhvs="fallback-content"'  # written by main.html; escaped in any page text
_ARTICLE_OPEN_BYTES = re.compile(_ARTICLE_OPEN_PATTERN.encode("ascii"))
_ARTICLE_CLOSE = b"</article>"
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_SEARCH_META = re.compile(rb'<meta name="bdhvs-search" content="([^"]*)" data-title="([^"]*)" data-description="([^"]*)">')


def _attr(value: bytes) -> str:
    return html_lib.unescape(value.decode("utf-8", "replace")).strip()


def classify(html: str | bytes, rel_path: str) -> Page:
    """Language, fallback and article of a built page.

    Our own templates write these markers, so plain byte searches are enough: every page
    carries the whole navigation (390 kB a page at 1,000 guides), and parsing or even
    decoding all of it was the slowest step of a large build. Only the article (from its
    opening tag to the last ``</article>``, which the footer never contains) is decoded.
    """
    raw = html.encode("utf-8") if isinstance(html, str) else html
    match = _HTML_LANG.search(raw, 0, 4096)
    lang = (match.group(1).decode("ascii", "replace") if match else "vi").strip().lower() or "vi"
    title = _TITLE.search(raw)
    marker = _SEARCH_META.search(raw)
    page_type, fm_title, description = (_attr(v) for v in marker.groups()) if marker else ("", "", "")
    article = None
    opening = _ARTICLE_OPEN_BYTES.search(raw)
    if opening:
        end = raw.rfind(_ARTICLE_CLOSE)
        if end > opening.start():
            article = raw[opening.start(): end + len(_ARTICLE_CLOSE)].decode("utf-8", "replace")
    return Page(
        path=rel_path,
        lang=lang,
        fallback=_FALLBACK_MARK in raw,
        has_article=article is not None,
        article=article,
        title=html_lib.unescape(title.group(1).decode("utf-8", "replace")).strip() if title else "",
        page_type=page_type,
        fm_title=fm_title,
        description=description,
    )


def scan_site(site_dir: Path) -> dict[str, Page]:
    """Classify every page of a built site and link vi pages to their Ede fallbacks."""
    pages = {}
    for path in html_files(site_dir):
        rel = path.relative_to(site_dir).as_posix()
        pages[rel] = classify(path.read_bytes(), rel)
    for rel, page in pages.items():
        if page.lang != "vi" and page.has_article:
            page.in_ede_search = page.indexed
        if page.fallback and rel.startswith(EDE_PREFIX):
            twin = pages.get(rel[len(EDE_PREFIX):])
            if twin is not None and twin.indexed and twin.lang == "vi":
                twin.ede_url = page.url
                twin.ede_path = rel
                twin.in_ede_search = True
    return pages
