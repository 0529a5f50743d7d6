"""Which built pages go into the search index, and how.

Rules (pure functions, no MkDocs, no Pagefind):

- Only the article is indexed (``article.md-content__inner``); navigation, header,
  footer, permalink signs and the fallback notice are not.
- A page's index is its ``<html lang>``: ``vi`` or ``rad`` (Ede).
- An Ede page that has no translation yet is a *fallback*: the same content as the
  Vietnamese page (marked ``data-bdhvs="fallback-content"`` by main.html). It is NOT
  indexed a second time. Instead its Vietnamese twin is tagged so the Ede search can show
  it: filter ``ede:yes`` plus meta ``ede_url`` (the Ede address to open, so the reader
  stays in the Ede site).
- Every Ede page carries the filter ``ede:yes`` too, so Ede pages search
  "``rad`` index + Vietnamese pages that are Ede fallbacks" with one filter.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from pathlib import Path


ARTICLE_XPATH = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
# Inside the article, never indexed.
EXCLUDE_SELECTORS = [
    ".headerlink",
    "[data-bdhvs='fallback-notice']",
    "[data-bdhvs='draft-notice']",  # the same notice on every draft guide
    "[data-bdhvs='guide-labels']",  # "Dành cho… Chủ đề…" links, the same words on every guide
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

_ARTICLE_OPEN = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>")


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

    @property
    def url(self) -> str:
        """Site-root-relative URL, as a reader sees it ("/huong-dan/x/")."""
        return page_url(self.path)

    @property
    def indexed(self) -> bool:
        return self.has_article and not self.fallback


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


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"", re.I)
_FALLBACK_MARK = re.compile(r"<[a-z]+\b[^>]*\bdata-bdhvs=\"fallback-content\"")


def classify(html: str, rel_path: str) -> Page:
    """Language, fallback and article of a built page. Our own templates write these
    markers, so a scan of the raw HTML is enough: parsing every page (each carries the
    whole navigation) was the slowest step of a 1,000-guide build."""
    match = _HTML_LANG.search(html, 0, 4096)
    lang = (match.group(1) if match else "vi").strip().lower() or "vi"
    return Page(
        path=rel_path,
        lang=lang,
        fallback=bool(_FALLBACK_MARK.search(html)),
        has_article=bool(_ARTICLE_OPEN.search(html)),
    )


def scan_site(site_dir: Path) -> dict[str, Page]:
    """Classify every page of a built site and link vi pages to their Ede fallbacks."""
    pages = {}
    for path in html_files(site_dir):
        rel = path.relative_to(site_dir).as_posix()
        pages[rel] = classify(path.read_text(encoding="utf-8"), rel)
    for rel, page in pages.items():
        if page.lang != "vi" and page.has_article:
            page.in_ede_search = not page.fallback
        if page.fallback and rel.startswith(EDE_PREFIX):
            twin = pages.get(rel[len(EDE_PREFIX):])
            if twin is not None and twin.indexed and twin.lang == "vi":
                twin.ede_url = page.url
                twin.ede_path = rel
                twin.in_ede_search = True
    return pages


def prepare_html(html: str, page: Page) -> str:
    """The HTML given to Pagefind: the article marked as the body, plus filter/meta tags.

    Only the copy sent to the indexer is changed; the published file stays as built.
    """
    html = _ARTICLE_OPEN.sub(lambda m: m.group(0)[:-1] + " data-pagefind-body>", html, count=1)
    tags = []
    if page.in_ede_search:
        tags.append('<meta data-pagefind-filter="ede[content]" content="yes">')
    if page.ede_url:
        tags.append(f'<meta data-pagefind-meta="ede_url[content]" content="{html_lib.escape(page.ede_url)}">')
    if tags:
        html = html.replace("</head>", "".join(tags) + "</head>", 1)
    return html
