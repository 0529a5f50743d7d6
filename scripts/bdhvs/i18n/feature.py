"""MkDocs feature for translations (registered in plugin.py FEATURES).

- Public build: Ede pages that are not ``reviewed``/``sourced`` are dropped before
  mkdocs-static-i18n sees the files, so their URL serves the Vietnamese fallback
  with the notice. Preview build (``preview: true`` / BDHVS_PREVIEW=1): kept, with a
  "Bản nháp" banner.
- ``bdhvs_ede_ui``: the Ede UI strings the theme may use (reviewed; + sourced in preview).
- ``bdhvs_translation``: per-page review information for partials/bdhvs/i18n/before-content.html
  (who reviewed and when; stale or draft notices).
- Ede navigation: items whose Ede page is a Vietnamese fallback get a "(tiếng Việt)" marker.
- ``sourced`` pages: their content is Vietnamese (``lang="vi"``) and every ``lang="rad"``
  fragment must be a sourced term (publishing.py).
- Editors' pages (``page_type: editor``) are kept out of the navigation; the status page
  gets its table where it says ``<!-- bdhvs:translation-status -->``.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath
import functools
import posixpath

from mkdocs.structure.files import InclusionLevel

from bdhvs.i18n import frontmatter, publishing, report, sources, status
from bdhvs.i18n.frontmatter import PageError
from bdhvs.i18n.project import Project

log = logging.getLogger("mkdocs.plugins.bdhvs.i18n")

STATUS_MARKER = "<!-- bdhvs:translation-status -->"
EDE = "ede"
_NAV_LINK = re.compile(
    r'(<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)
# The current page's entry is also a <label for="__toc"> (table of contents toggle).
_TOC_LABEL = re.compile(
    r'(<label class="md-nav__link md-nav__link--active" for="__toc">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)
FALLBACK_MARK = ' <small class="bdhvs-nav-fallback" lang="vi" data-bdhvs="nav-fallback">(tiếng Việt)</small>'


class Translations:
    def __init__(self, plugin):
        self.plugin = plugin
        self.project: Project | None = None
        self._meta: dict[str, dict] = {}

    @property
    def preview(self) -> bool:
        return bool(self.plugin.config.preview)

    def on_config(self, config):
        self.project = Project(Path(config.docs_dir).resolve().parent)
        self._meta = {}
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

    def _page_meta(self, file) -> dict:
        if file.src_uri not in self._meta:
            try:
                self._meta[file.src_uri] = frontmatter.read(Path(file.abs_src_path)).meta
            except PageError as exc:
                log.warning("%s", exc)
                self._meta[file.src_uri] = {}
        return self._meta[file.src_uri]

    def on_files(self, files, config):
        for file in list(files.documentation_pages()):
            if not file.abs_src_path:
                continue
            meta = self._page_meta(file)
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
        current = getattr(page.file, "locale_alternate_of", None)
        if current == EDE and nav is not None:
            if getattr(self, "_fallback_nav", None) is not nav:  # once per language build
                self._fallback_nav = nav
                self._fallback_set = {"/" + p.url for p in nav.pages if getattr(p.file, "locale", None) != EDE}
            self._fallback_urls = self._fallback_set
        else:
            self._fallback_urls = set()
        return context

    def on_post_page(self, output, page, config):
        urls = getattr(self, "_fallback_urls", None)
        if not urls:
            return output
        return mark_fallback_links(output, "/" + page.url, urls)


def _resolve(page_url: str, href: str) -> str:
    """Site path a relative nav link points to (like urljoin, without its cost: the nav is
    resolved on every Ede page, so this runs pages × nav-entries times)."""
    href, hash_, fragment = href.partition("#")
    suffix = hash_ + fragment  # kept, as urljoin does: "#x" is not the page itself
    if not href:
        return page_url + suffix
    if href.startswith("/"):
        return href + suffix
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    # Climb the leading "../" first: links from sibling pages then share cache entries.
    while href.startswith("../") and base != "/":
        base = posixpath.dirname(base.rstrip("/")).rstrip("/") + "/"
        href = href[3:]
    return _join(base, href) + suffix


@functools.lru_cache(maxsize=65536)
def _join(base: str, href: str) -> str:
    target = posixpath.normpath(posixpath.join(base, href))
    if href.endswith("/") or href in {"", ".", ".."} or href.endswith(("/.", "/..")):
        target = target.rstrip("/") + "/"
    return target


def mark_fallback_links(html: str, page_url: str, fallback_urls: set[str]) -> str:
    """Add a "(tiếng Việt)" marker to navigation links that lead to a fallback page."""
    def add(match: re.Match) -> str:
        target = _resolve(page_url, match.group(2))
        if target in fallback_urls and "bdhvs-nav-fallback" not in match.group(3):
            return match.group(1) + match.group(3).rstrip() + FALLBACK_MARK + "\n  " + match.group(4)
        return match.group(0)
    html = _NAV_LINK.sub(add, html)
    if page_url in fallback_urls:
        html = _TOC_LABEL.sub(lambda m: m.group(1) + m.group(2).rstrip() + FALLBACK_MARK + "\n  " + m.group(3), html)
    return html
