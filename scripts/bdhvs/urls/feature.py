"""The build applies the same link and raw-HTML policy as ``bdhvs check`` (issue #21).

- on_page_markdown: the Markdown-level checks of the page file (links, raw HTML, snippet
  includes) are reported at file:line; snippet includes are escaped; a front-matter source
  whose URL is refused is not linked.
- on_page_content (FIRST of the site's features, before they add their own markup): the
  HTML Python-Markdown produced is parsed as a browser parses it; whatever breaks the
  policy is reported at the Markdown file:line (unless already reported there) and REMOVED,
  so nothing hostile reaches site/ even though the strict build goes on to its end.

Findings are printed as ``Finding.human()`` through MkDocs' logger as warnings: the strict
build fails, listing every one (the gate's contract). Warning-severity findings (an
unverified publisher cited as a source) are not printed: they never block.
"""
from __future__ import annotations

import logging
from pathlib import Path

from bdhvs.checks import codes, data as data_mod, htmlsafety, links, linksafety
from bdhvs.findings import ERROR, Finding, relative
from bdhvs.publish import built
from bdhvs.urls import datafiles as url_data, page as url_page, policy, rendered, snippets

log = logging.getLogger("mkdocs.plugins.bdhvs")


class UrlPolicy:
    def __init__(self, plugin):
        self.plugin = plugin
        self.data = None
        self.root = Path.cwd()
        self.docs_dir = self.root / "docs"
        self.pages: dict[str, tuple] = {}
        self.reported: set[str] = set()

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self.docs_dir = Path(config.docs_dir)
        self.data = data_mod.load(self.root / "data")
        self.pages = {}
        self._emit(url_data.check(self.root / "data", self.root, self.data))
        return config

    def _emit(self, findings: list[Finding]) -> None:
        for item in findings:
            if item.severity != ERROR:
                continue
            text = item.human()
            if text not in self.reported:  # an Ede fallback page renders the same source again
                self.reported.add(text)
                log.warning(text)

    def _document(self, page, config):
        """The page as the gate's reader decoded it (a page saved in Windows-1258 or with a
        stray legacy line too: its problems are then located at their own line)."""
        path = page.file.abs_src_path
        if not path:
            return None
        from bdhvs.inputs.feature import record_of

        try:
            doc = record_of(path, config).doc
        except Exception:  # noqa: BLE001 - an unreadable page is reported by the page reader
            return None
        return doc if doc is not None and doc.kind in ("page", "markdown") else None

    def on_page_markdown(self, markdown, page, config, files):
        doc = self._document(page, config)
        found: list[Finding] = []
        if doc is not None:
            extracted = links.extract(doc)
            found = linksafety.check(doc, extracted, self.data) + htmlsafety.check(doc, extracted) + snippets.findings(doc)
            self._emit(found)
            self._unlink_sources(page)
        self.pages[page.file.src_uri] = (doc, found)
        return snippets.neutralize(markdown)

    def _unlink_sources(self, page) -> None:
        """A source whose URL the policy refuses is listed without a link (the finding says why)."""
        for source in page.meta.get("sources") or [] if isinstance(page.meta, dict) else []:
            if isinstance(source, dict) and "url" in source:
                found = policy.verdict(str(source.get("url") or ""), "source", self.data, decoded=True)
                if found is not None and found.severity != "warning":
                    source["url"] = "#"

    def on_page_content(self, html, page, config, files):
        html, own = built.cut(html)  # the build's own markup (publish/built.py) is not the editor's
        doc, found = self.pages.pop(page.file.src_uri, (None, []))
        if doc is not None:
            extra, cleaned = url_page.rendered_findings(doc, html, self.data, found, clean=True)
            self._emit(extra)
            return built.restore(cleaned, own)
        problems, cleaned = rendered.scan(html, self.data, clean=True)
        name = relative(page.file.abs_src_path, self.root) if page.file.abs_src_path else f"docs/{page.file.src_uri}"
        self._emit([codes.finding(name, 1, 1, p.code, p.message, p.hint, p.severity) for p in problems])
        return built.restore(cleaned, own)
