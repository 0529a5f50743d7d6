"""MkDocs side of the classroom area (thin): handout data for guide pages, the
"Tài liệu in" listing, and the Content-Security-Policy check of the built HTML."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from bdhvs.classroom import handout_page, qr
from bdhvs.i18n import frontmatter

# Pages printed as handouts (with a QR code) and listed on "Tài liệu in": the guides and
# the trainers' 45-minute lessons (content/lessons.py).
PRINTED = ("guide", "lesson")


class Classroom:
    def __init__(self, plugin):
        self.plugin = plugin
        self.files = None

    def on_nav(self, nav, config, files):
        # Every page's final address is known now, before any page is read or rendered:
        # start drawing the guides' QR codes in a second process (front matter read here;
        # were it to differ from what the page gets, qr_svg would just draw that code itself).
        try:
            qr.prefetch(handout_page.qr_request(meta, site_url=config.site_url or "", page_url=file.url)
                        for file, meta in self._guide_files(files))
        except ValueError:
            pass  # no usable site_url: each guide page reports it when it is built
        return nav

    def _guide_files(self, files):
        for file in files.documentation_pages():
            if not file.abs_src_path:
                continue
            try:
                meta = frontmatter.read(Path(file.abs_src_path)).meta
            except (frontmatter.PageError, OSError):
                continue  # reported by the checks and by the page itself
            if meta.get("page_type") == "guide":
                yield file, meta

    def on_env(self, env, config, files):
        self.files = files
        return env

    def post_build(self, config):
        qr.shutdown()

    def on_build_error(self, error):
        qr.shutdown()

    def on_page_context(self, context, page, config, nav):
        if page.meta.get("page_type") in PRINTED:
            context["bdhvs_handout"] = handout_page.handout_context(
                page.meta, site_url=config.site_url or "", page_url=page.url)
        if page.content and handout_page.LIST_MARKER in page.content:
            entries = [self._entry(p, page, config) for p in self._guides()]
            page.content = page.content.replace(handout_page.LIST_MARKER, handout_page.render_list(entries))
        return context

    def _guides(self):
        for file in self.files.documentation_pages() if self.files else []:
            if file.page is not None and file.page.meta.get("page_type") in PRINTED:
                yield file.page

    def _entry(self, guide, listing, config) -> handout_page.GuideEntry:
        file = guide.file
        content_locale = getattr(file, "locale", None) or "vi"
        dest = file.dest_uri
        return handout_page.GuideEntry(
            title=str(guide.meta.get("title") or guide.title or ""),
            description=str(guide.meta.get("description") or ""),
            href=get_relative_url(guide.url or ".", listing.url or "."),
            page_path=dest,
            pdf_path=handout_page.pdf_path(handout_page.guide_slug(file.src_uri), content_locale),
            time_minutes=guide.meta.get("time_minutes") or (45 if guide.meta.get("page_type") == "lesson" else None),
            lesson=guide.meta.get("page_type") == "lesson",
        )
