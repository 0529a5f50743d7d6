"""MkDocs feature for translations (registered in plugin.py FEATURES).

- Public build: Ede pages that are not ``reviewed``/``sourced`` are dropped before
  mkdocs-static-i18n sees the files, so their URL serves the Vietnamese fallback
  with the notice. Preview build (``preview: true`` / BDHVS_PREVIEW=1): kept, with a
  "Bản nháp" banner.
- ``bdhvs_ede_ui``: the Ede UI strings the theme may use (reviewed; + sourced in preview).
- ``bdhvs_translation``: per-page review information for partials/bdhvs/i18n/before-content.html
  (who reviewed and when; stale or draft notices).
- Ede navigation: items whose Ede page is a Vietnamese fallback get a "(tiếng Việt)" marker
  (mark_fallbacks_in_nav).
- ``sourced`` pages: their content is Vietnamese (``lang="vi"``) and every ``lang="rad"``
  fragment must be a sourced term (publishing.py).
- Editors' pages (``page_type: editor``) are kept out of the navigation; the status page
  gets its table where it says ``<!-- bdhvs:translation-status -->``.
"""
from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath

from markupsafe import Markup, escape

from mkdocs.structure.files import InclusionLevel

from bdhvs.i18n import publishing, report, sources, status
from bdhvs.inputs import feature as gate
from bdhvs.i18n.frontmatter import PageError
from bdhvs.i18n.project import Project

log = logging.getLogger("mkdocs.plugins.bdhvs.i18n")

STATUS_MARKER = "<!-- bdhvs:translation-status -->"
EDE = "ede"
FALLBACK_MARK = ' <small class="bdhvs-nav-fallback" lang="vi" data-bdhvs="nav-fallback">(tiếng Việt)</small>'


class Translations:
    def __init__(self, plugin):
        self.plugin = plugin
        self.project: Project | None = None

    @property
    def preview(self) -> bool:
        return bool(self.plugin.config.preview)

    def on_config(self, config):
        self.project = Project(Path(config.docs_dir).resolve().parent)
        self._set_nav_translations(config)
        return config

    def _set_nav_translations(self, config) -> None:
        """Ede navigation labels: the ``nav:<Vietnamese label>`` entries of data/ede-ui.yml
        (reviewed; + sourced in preview) become i18n's ``nav_translations`` for Ede."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return
        try:
            strings = sources.ui_strings(self.project.data, self.preview)
        except PageError as exc:
            log.warning("%s", exc)
            return
        labels = {k[len(sources.NAV_PREFIX):]: v for k, v in strings.items() if k.startswith(sources.NAV_PREFIX)}
        for language in i18n.config.languages:
            if language.locale == EDE:
                language.nav_translations = {**(language.nav_translations or {}), **labels}

    def on_files(self, files, config):
        for file in list(files.documentation_pages()):
            if not file.abs_src_path:
                continue
            meta = gate.record_of(file.abs_src_path, config).meta  # problems: reported by the gate
            if file.src_uri.startswith(EDE + "/") and not self.preview and not publishing.is_public(meta):
                files.remove(file)  # never published: i18n falls back to the Vietnamese page
                continue
            if meta.get("page_type") == "editor":
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_env(self, env, config, files):
        try:
            env.globals["bdhvs_ede_ui"] = sources.ui_strings(self.project.data, self.preview)
        except PageError as exc:
            log.warning("%s", exc)
            env.globals["bdhvs_ede_ui"] = {}
        return env

    def on_page_markdown(self, markdown, page, config, files):
        if STATUS_MARKER in markdown:
            page_dir = str(PurePosixPath(getattr(page.file, "norm_src_uri", page.file.src_uri)).parent)
            page_dir = "" if page_dir == "." else page_dir
            markdown = markdown.replace(STATUS_MARKER, report.markdown(self.project, page_dir))
        return markdown

    def _is_ede_file(self, page) -> bool:
        return getattr(page.file, "locale", None) == EDE

    def on_page_content(self, html, page, config, files):
        if not self._is_ede_file(page):
            return html
        meta = page.meta or {}
        state = publishing.translation_status(meta)
        if state == "sourced":
            terms = sources.sourced_terms(self.project.data)
            for fragment in publishing.unsourced_fragments(html, terms):
                log.warning(
                    "docs/%s: trang 'sourced' có chữ Êđê %r không có trong danh sách từ có nguồn "
                    "(data/ede-words.yml). Chỉ được trích từ Êđê có nguồn; thêm từ đó kèm nguồn vào "
                    "data/ede-words.yml, hoặc chuyển trang thành bản dịch (status: draft) để người Êđê duyệt.",
                    page.file.src_uri, fragment)
            unmarked = publishing.unmarked_ede(html)
            if unmarked:
                log.warning(
                    "docs/%s: trang 'sourced' là trang tiếng Việt nhưng có chữ Êđê không đánh dấu "
                    "lang=\"rad\": %s. Đặt từ Êđê có nguồn trong <span lang=\"rad\">…</span>.",
                    page.file.src_uri, ", ".join(unmarked))
            html = f'<div lang="vi" data-bdhvs="sourced-content">{html}</div>'
        elif state == "reviewed" and status.count_todo(page.markdown or ""):
            log.warning("docs/%s: đã đánh dấu 'reviewed' nhưng còn khối \"%s\" chưa dịch. Dịch hết, "
                        "hoặc đổi translation.status về draft.", page.file.src_uri, status.TODO_TITLE)
        return html

    def on_page_context(self, context, page, config, nav):
        context["bdhvs_translation"] = None
        if self._is_ede_file(page):
            info = dict((page.meta or {}).get("translation") or {})
            entry = status.entry_for(self.project, getattr(page.file, "norm_src_uri", ""))
            info["state"] = entry.state
            info["vi_url"] = page.url[len(EDE) + 1:] if page.url.startswith(EDE + "/") else page.url
            context["bdhvs_translation"] = info
        if getattr(page.file, "locale_alternate_of", None) == EDE and nav is not None:
            if getattr(self, "_fallback_nav", None) is not nav:  # once per Ede build
                self._fallback_nav = nav
                mark_fallbacks_in_nav(nav)
        return context


def mark_fallbacks_in_nav(nav) -> int:
    """Give every Ede nav entry that opens a Vietnamese fallback page a "(tiếng Việt)"
    marker; returns how many. Material's nav template prints ``item.typeset.title`` (the
    extension point of its typeset plugin, which this site does not use) as HTML in place
    of the plain title, so the marker costs nothing per page: no pass over each page's
    2,000 nav links. A section's entry links to its index page (navigation.indexes)."""
    marked = 0

    def mark(item, page) -> None:
        nonlocal marked
        if page is not None and getattr(page.file, "locale", None) != EDE:
            # The title is escaped here; the marker is the build's own HTML (autoescape is on).
            item.typeset = {"title": escape(str(item.title or "")) + Markup(FALLBACK_MARK)}
            marked += 1

    def walk(items) -> None:
        for item in items:
            if item.is_page:
                mark(item, item)
            elif item.is_section:
                index = next((child for child in item.children if child.is_page and child.is_index), None)
                mark(item, index)
                walk(item.children)

    walk(nav.items)
    return marked
