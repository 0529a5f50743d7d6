"""Shared helpers for the content tests: the guide sources and the built pages."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from bdhvs.content.guides import load_guides
from bdhvs.settings import DOCS_DIR

GUIDES = load_guides(DOCS_DIR / "vi")
GUIDE_IDS = [g.slug for g in GUIDES]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(site: Path, html_file: Path) -> str:
    """Site-relative URL of a built page: 'ede/huong-dan/x/'."""
    rel = html_file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def link_targets(site: Path, html_file: Path, scope=None) -> set[str]:
    """Site-relative URLs (without #fragment) that the links in ``scope`` point at."""
    base = "http://x/" + page_url(site, html_file)
    root = scope if scope is not None else soup(html_file)
    targets = set()
    for a in root.select("a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "tel:", "#")):
            continue
        path = urlparse(urljoin(base, href)).path
        targets.add(posixpath.normpath(path).lstrip("/") + "/" if not path.endswith(".html") else path.lstrip("/"))
    return {t.replace("//", "/") for t in targets}


def guide_url(slug: str, lang: str = "vi") -> str:
    return ("" if lang == "vi" else f"{lang}/") + f"huong-dan/{slug}/"
