"""The build's side of the gate (first feature of the plugin).

- on_config: every data file is read through :mod:`datafiles`; its findings are reported.
- on_files: every page is read through :mod:`pages` (once per file version for the whole
  build); in the public build an Ede page the reader refuses (the publishing rule of
  i18n/publishing.py, a broken front matter…) is left out, so its URL falls back to the
  Vietnamese page, exactly as `bdhvs check` refuses it.
- on_page_read_source: MkDocs gets the page's body as the reader decoded it (Windows-1258,
  UTF-16, lone CR…: no UnicodeDecodeError) and never parses the front matter itself; the
  plugin sets ``page.meta`` from the record (:func:`page_meta`), so hostile YAML (alias
  bombs, impossible dates, unknown templates) never reaches MkDocs or the theme.
- MkDocs' own warnings about links (``Doc file 'x' contains a link …``) become LINK-BROKEN /
  LINK-ANCHOR findings at the Markdown line (a logging filter).

Every finding is printed as ``Finding.human()`` (path relative to the project root) through
MkDocs' logger: errors with log.error, warnings with log.warning. `mkdocs build --strict`
then stops, without a traceback, and `mkdocs serve` shows the problem and keeps serving.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.content import schema
from bdhvs.findings import ERROR, Finding, relative
from bdhvs.inputs import datafiles, pages

log = logging.getLogger("mkdocs.plugins.bdhvs.gate")

_LINK_WARNING = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?:a|an unrecognized relative|an absolute) link "
                           r"'(?P<url>[^']*)', but (?P<problem>.*)$", re.S)
_ALLOWED_KEYS = {key for page_schema in schema.SCHEMAS.values() for key in page_schema["properties"]}


def project_root(config) -> Path:
    path = getattr(config, "config_file_path", None)
    if path is None and hasattr(config, "get"):
        path = config.get("config_file_path")
    return Path(path).resolve().parent if path else settings.ROOT


def data_dir(root: Path) -> Path:
    return root / "data" if (root / "data").is_dir() else settings.DATA_DIR


def record_of(abs_src_path: str, config) -> pages.PageRecord:
    """The gate's record of a page file, for any feature of the build (cached: one read
    and one front-matter parse per file version, whatever the number of callers)."""
    docs_dir = getattr(config, "docs_dir", None)
    return pages.read(Path(abs_src_path), root=project_root(config), docs_dir=Path(docs_dir) if docs_dir else None)


def page_meta(record: pages.PageRecord) -> dict:
    """``page.meta`` for MkDocs and the theme: the reader's front matter without keys the
    schema does not know (``template:`` naming a file the theme lacks, or one outside it,
    would stop MkDocs with a traceback; the schema reports the key as FM-UNKNOWN-KEY)."""
    return {k: v for k, v in record.meta.items() if k in _ALLOWED_KEYS}


def safe_source(record: pages.PageRecord) -> str:
    """The Markdown MkDocs renders: the decoded body, without the front matter."""
    body = record.body.lstrip("\n") if record.doc and record.doc.fm_text else record.body
    if record.doc is None:
        return ""
    if body.startswith("---"):
        body = "\n" + body  # MkDocs must not take a horizontal rule for front matter
    return body


class Reporter:
    """Print each finding once per build (both languages read the same files)."""

    def __init__(self):
        self.seen: set[str] = set()

    def __call__(self, findings) -> None:
        for item in sorted(findings):
            text = item.human()
            if text in self.seen:
                continue
            self.seen.add(text)
            (log.error if item.severity == ERROR else log.warning)(text)


class _LinkWarnings(logging.Filter):
    """MkDocs' English link warnings → findings at the Markdown file and line. Installed
    once per process; it serves the gate of the build in progress (`mkdocs serve` makes a
    new plugin, and so a new gate, at each rebuild)."""

    gate: Gate | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or self.gate is None:
            return True
        match = _LINK_WARNING.match(record.getMessage())
        if not match:
            return True
        item = self.gate.link_finding(match.group("src"), match.group("url"), match.group("problem"))
        text = item.human()
        if text in self.gate.report.seen:
            return False
        self.gate.report.seen.add(text)
        record.msg, record.args = text, ()
        return True


_LINK_FILTER = _LinkWarnings()


def report(findings) -> None:
    """Print findings of the build in progress (once each), for any feature."""
    gate = _LINK_FILTER.gate
    if gate is not None:
        gate.report(findings)
    else:
        Reporter()(findings)


class Gate:
    def __init__(self, plugin):
        self.plugin = plugin
        self.report = Reporter()
        self.sources: dict[str, str] = {}
        _LINK_FILTER.gate = self
        pages_log = logging.getLogger("mkdocs.structure.pages")
        if _LINK_FILTER not in pages_log.filters:
            pages_log.addFilter(_LINK_FILTER)

    @property
    def preview(self) -> bool:
        return bool(self.plugin.config.preview)

    def on_config(self, config):
        self.root = project_root(config)
        self.docs_dir = Path(config.docs_dir)
        self.data_dir = data_dir(self.root)
        if not self.plugin._is_nested_language_build(config):
            self.report = Reporter()  # a new build (or a `mkdocs serve` rebuild): report again
        self.report(datafiles.check_all(self.data_dir, root=self.root))
        return config

    def read(self, abs_src_path: str) -> pages.PageRecord:
        return pages.read(Path(abs_src_path), root=self.root, docs_dir=self.docs_dir)

    def on_files(self, files, config):
        for file in list(files.documentation_pages()):
            if not file.abs_src_path:
                continue
            self.sources[file.src_uri] = file.abs_src_path
            record = self.read(file.abs_src_path)
            if file.src_uri.startswith("ede/") and record.errors and not self.preview:
                files.remove(file)  # refused: i18n serves the Vietnamese page with its notice
                self.report(record.findings)
        return files

    def on_page_read_source(self, page, config):
        if not page.file.abs_src_path:
            return None
        record = self.read(page.file.abs_src_path)
        self.report(record.findings)
        page.bdhvs_record = record
        return safe_source(record)

    def set_meta(self, page) -> None:
        """Called by the plugin before any feature's on_page_markdown."""
        record = getattr(page, "bdhvs_record", None)
        if record is not None:
            page.meta = page_meta(record)

    def link_finding(self, src_uri: str, url: str, problem: str) -> Finding:
        path = Path(self.sources.get(src_uri) or self.docs_dir / src_uri)
        name = relative(path, self.root)
        line, col = _locate(self.read(str(path)), url)
        if "anchor" in problem:
            return finding(name, line, col, "LINK-ANCHOR",
                           f"Liên kết “{url}” trỏ tới một mục (#…) không có trong trang đích")
        return finding(name, line, col, "LINK-BROKEN", f"Liên kết “{url}” trỏ tới trang hoặc tệp không có")


def _locate(record: pages.PageRecord, url: str) -> tuple[int, int]:
    text = record.text
    for needle in (f"]({url}", url, url.split("#")[0]):
        pos = text.find(needle) if needle else -1
        if pos >= 0:
            if needle.startswith("]("):
                pos += 2
            return record.doc.pos(pos) if record.doc else (1, 1)
    return 1, 1
