"""What a guide page carries for its printed handout, and the "Tài liệu in" listing.

Plain functions (no MkDocs objects): the feature passes titles, URLs and front matter.
PDFs are optional: the listing renders a slot per guide (``data-bdhvs-pdf``) and
`bdhvs handouts` turns the slot into a link once the PDF exists, so a build without
Chromium still passes strict mode and never links a missing file.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup

from bdhvs.classroom.qr import online_url, qr_svg
from bdhvs.content.slugs import slugify

LIST_MARKER = '<div class="bdhvs-handout-list" data-bdhvs="handout-list"></div>'
PDF_DIR = "tai-lieu-in"  # site folder of the PDFs, next to the listing page


@dataclass(frozen=True)
class GuideEntry:
    title: str
    description: str
    href: str  # relative link from the listing page to the guide
    page_path: str  # path of the guide's HTML file in the site (what `bdhvs handouts` prints)
    pdf_path: str  # where `bdhvs handouts` writes its PDF, relative to the site root
    time_minutes: int | None = None
    lesson: bool = False  # a trainers' 45-minute lesson (listed first, apart from the guides)


def guide_slug(src_uri: str) -> str:
    """``vi/huong-dan/cai-dat-vneid.md`` -> ``cai-dat-vneid`` (sub-folders joined by '-')."""
    path = PurePosixPath(src_uri)
    parts = list(path.with_suffix("").parts)
    if parts and parts[0] in {"vi", "ede"}:
        parts = parts[1:]
    if parts and parts[0] == "huong-dan":
        parts = parts[1:]
    if parts and parts[-1] == "index":
        parts = parts[:-1]
    return "-".join(parts) or "trang-chu"


def pdf_path(slug: str, content_locale: str, default_locale: str = "vi") -> str:
    """Site-relative PDF path; a page shown from the Vietnamese source uses the Vietnamese PDF."""
    prefix = "" if content_locale == default_locale else f"{content_locale}/"
    return f"{prefix}{PDF_DIR}/{slug}.pdf"


def qr_request(meta: dict, *, site_url: str, page_url: str) -> tuple[str, str]:
    """(online address, accessible label) of a guide's QR code."""
    title = str(meta.get("title") or "")
    return online_url(site_url, page_url), f"Mã QR mở trang “{title}”" if title else "Mã QR mở trang này"


def handout_context(meta: dict, *, site_url: str, page_url: str) -> dict:
    """Data the print-only handout footer of a guide shows (partials/bdhvs/classroom)."""
    url, label = qr_request(meta, site_url=site_url, page_url=page_url)
    # The QR code is SVG the build draws (segno; the label is escaped inside it).
    return {"url": url, "qr_svg": Markup(qr_svg(url, label=label))}


def render_list(entries: list[GuideEntry]) -> str:
    """HTML of the listing: the trainers' lessons first (when there are any), then one
    item per guide, each with its printable page and a PDF slot."""
    lessons = [e for e in entries if e.lesson]
    guides = [e for e in entries if not e.lesson]
    out = ""
    if lessons:
        out = ('<h2 id="bai-hoc-45-phut">Bài học 45 phút cho người hướng dẫn</h2>'
               + _items(lessons).replace('data-bdhvs="handout-list"', 'data-bdhvs="lesson-list"')
               + '<h2 id="cac-huong-dan">Các hướng dẫn</h2>')
    if not guides:
        return out + '<p class="bdhvs-handout-list">Chưa có hướng dẫn nào.</p>'
    return out + _items(guides)


def _items(entries: list[GuideEntry]) -> str:
    items = []
    for e in sorted(entries, key=lambda e: slugify(e.title)):
        time = f" · khoảng {e.time_minutes} phút" if e.time_minutes else ""
        items.append(
            "<li>"
            f'<a href="{html.escape(e.href)}">{html.escape(e.title)}</a>{time}'
            f'<br><span class="bdhvs-handout-list__desc">{html.escape(e.description)}</span>'
            f'<br><span data-bdhvs-pdf="{html.escape(e.pdf_path)}" '
            f'data-bdhvs-page="{html.escape(e.page_path)}"></span>'
            "</li>"
        )
    return '<ul class="bdhvs-handout-list" data-bdhvs="handout-list">' + "".join(items) + "</ul>"
