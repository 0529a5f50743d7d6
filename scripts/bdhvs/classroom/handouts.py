"""`bdhvs handouts`: every guide as an A4 PDF (Chromium print-to-PDF of the print stylesheet),
then the "Tài liệu in" pages link the PDFs that exist.

The listing pages (built by the classroom feature) carry one slot per guide:
``<span data-bdhvs-pdf="tai-lieu-in/x.pdf" data-bdhvs-page="huong-dan/x/index.html">``.
This module prints each page to its PDF path and replaces the slot by a link. A build
without PDFs keeps empty slots: no link to a missing file, strict build unaffected.
"""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

LISTING_NAMES = ("tai-lieu-in/index.html", "tai-lieu-in.html")
# Page numbers at the bottom of each sheet (Chromium's own footer template, not page HTML).
FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#333">'
          '<span class="pageNumber"></span>/<span class="totalPages"></span></div>')


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


def render(site: Path, *, log=print) -> list[Path]:
    """Print every guide of a built site to PDF (inside the site). Needs Chromium."""
    from playwright.sync_api import sync_playwright

    from bdhvs.browser import CHROMIUM_ARGS, chromium_path
    from bdhvs.deploy.serve import SiteServer

    site = Path(site)
    todo = jobs(site)
    written: list[Path] = []
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
                out = site / job.pdf
                out.parent.mkdir(parents=True, exist_ok=True)
                tmp = out.with_suffix(".pdf.part")
                page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
                os.replace(tmp, out)
                written.append(out)
                log(f"  {job.pdf}  ({_size(out.stat().st_size)})")
        finally:
            browser.close()
    return written
