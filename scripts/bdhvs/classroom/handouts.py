"""`bdhvs handouts`: every guide as an A4 PDF (Chromium print-to-PDF of the print stylesheet),
then the "Tài liệu in" pages link the PDFs that exist.

The listing pages (built by the classroom feature) carry one slot per guide:
``<span data-bdhvs-pdf="tai-lieu-in/x.pdf" data-bdhvs-page="huong-dan/x/index.html">``.
This module prints each page to its PDF path and replaces the slot by a link. A build
without PDFs keeps empty slots: no link to a missing file, strict build unaffected.

Staff handouts (`bdhvs handouts --staff`): the same pages printed from a PREVIEW build
(``BDHVS_PREVIEW=1``), which keeps the staff notes (``!!! staff``), into a folder
OUTSIDE the site, and never linked from it. Citizens' handouts are never printed from a
preview build, so they never carry staff notes.
"""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from bdhvs.content.staff import HTML_CLASS as STAFF_NOTE

LISTING_NAMES = ("tai-lieu-in/index.html", "tai-lieu-in.html")
# Page numbers at the bottom of each sheet (Chromium's own footer template, not page HTML).
FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#333">'
          '<span class="pageNumber"></span>/<span class="totalPages"></span></div>')


PREVIEW_META = '<meta name="bdhvs-build" content="preview">'
STAFF_DIR = "tai-lieu-can-bo"  # default folder of the staff handouts (outside the site)


class HandoutError(RuntimeError):
    """The site cannot give these handouts; the message says why, in Vietnamese."""


def is_preview(site: Path) -> bool:
    """True when ``site`` is a preview build (it shows staff notes and drafts)."""
    index = Path(site) / "index.html"
    return index.is_file() and PREVIEW_META in index.read_text(encoding="utf-8")


def check_site(site: Path, todo: list, *, staff: bool) -> None:
    """Refuse to print citizens' handouts that would carry staff notes, or staff
    handouts from a site without them."""
    if staff and not is_preview(site):
        raise HandoutError(
            f"{site} là bản dựng cho bà con: không có ghi chú cho cán bộ. Tài liệu in cho cán bộ phải in từ bản "
            "xem trước: BDHVS_PREVIEW=1 SITE_DIR=site-xem-truoc mkdocs build, rồi "
            "bdhvs handouts --staff --site site-xem-truoc")
    if not staff:
        if is_preview(site):
            raise HandoutError(
                f"{site} là bản xem trước (có ghi chú cho cán bộ): không in tài liệu cho bà con từ bản này. "
                "Dựng lại trang cho bà con (make site) rồi chạy lại; muốn in bản có ghi chú thì thêm --staff.")
        for job in todo:
            if STAFF_NOTE.search((Path(site) / job.page).read_text(encoding="utf-8")):
                raise HandoutError(f"{job.page} còn ghi chú cho cán bộ: không in trang này cho bà con. "
                                   "Dựng lại trang (make site) rồi chạy lại.")


@dataclass(frozen=True)
class Job:
    page: str  # HTML file to print, relative to the site root
    pdf: str  # PDF to write, relative to the site root


def listing_pages(site: Path) -> list[Path]:
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if any(rel == n or rel.endswith("/" + n) for n in LISTING_NAMES):
            found.append(path)
    return found


def jobs(site: Path) -> list[Job]:
    """The PDFs the listing pages ask for (each once)."""
    seen: dict[str, Job] = {}
    for listing in listing_pages(site):
        soup = BeautifulSoup(listing.read_text(encoding="utf-8"), "lxml")
        for slot in soup.select("[data-bdhvs-pdf][data-bdhvs-page]"):
            job = Job(slot["data-bdhvs-page"], slot["data-bdhvs-pdf"])
            if not (site / job.page).is_file():
                continue
            # An Ede page shown from the Vietnamese source shares the Vietnamese PDF:
            # print that PDF from the Vietnamese page itself.
            if job.pdf not in seen or (_same_language(job) and not _same_language(seen[job.pdf])):
                seen[job.pdf] = job
    return list(seen.values())


def _same_language(job: Job) -> bool:
    return job.page.startswith("ede/") == job.pdf.startswith("ede/")


def _size(n: int) -> str:
    return f"{max(1, round(n / 1024))} kB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


def link_pdfs(site: Path) -> int:
    """Turn every slot whose PDF exists into a download link. Returns the number of links."""
    count = 0
    for listing in listing_pages(site):
        html = listing.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        changed = False
        here = posixpath.dirname(listing.relative_to(site).as_posix())
        for slot in soup.select("span[data-bdhvs-pdf]"):
            pdf = site / slot["data-bdhvs-pdf"]
            if not pdf.is_file():
                continue
            link = soup.new_tag("a", href=posixpath.relpath(slot["data-bdhvs-pdf"], here or "."))
            link["download"] = ""
            link["data-bdhvs"] = "handout-pdf"
            link.string = f"Tải bản PDF (A4, {_size(pdf.stat().st_size)})"
            slot.clear()
            slot.append(link)
            changed = True
            count += 1
        if changed:
            listing.write_text(str(soup), encoding="utf-8")
    return count


def render(site: Path, *, log=print, staff: bool = False, out: Path | None = None) -> list[Path]:
    """Print every guide of a built site to PDF. Needs Chromium.

    Citizens' handouts go inside the site (linked by `link_pdfs`); staff handouts
    (``staff=True``, from a preview build) go to ``out`` (default: STAFF_DIR), never
    inside the site."""
    from playwright.sync_api import sync_playwright

    from bdhvs.browser import CHROMIUM_ARGS, chromium_path
    from bdhvs.deploy.serve import SiteServer

    site = Path(site)
    todo = jobs(site)
    written: list[Path] = []
    check_site(site, todo, staff=staff)
    if staff:
        root = Path(out or STAFF_DIR).resolve()
        if root == site.resolve() or site.resolve() in root.parents:
            raise HandoutError(f"Thư mục {root} nằm trong trang web: tài liệu cho cán bộ phải để ngoài trang. "
                               "Chọn thư mục khác bằng --out.")
    else:
        root = site
    if not todo:
        return written
    executable = chromium_path()
    with SiteServer(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context()
            page = context.new_page()
            for job in todo:
                url = server.url + job.page
                page.goto(url, wait_until="networkidle")
                page.emulate_media(media="print")
                target = root / job.pdf
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(".pdf.part")
                page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
                os.replace(tmp, target)
                written.append(target)
                log(f"  {target if staff else job.pdf}  ({_size(target.stat().st_size)})")
        finally:
            browser.close()
    return written
