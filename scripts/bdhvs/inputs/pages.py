"""The ONE reader of Markdown pages: bytes on disk → a :class:`PageRecord`.

Decoding (UTF-8, BOM, UTF-16, Windows-1258/1252 guessed with the Vietnamese dictionary,
binary junk, size and line limits), the front matter (parsed once through
:mod:`bdhvs.inputs.yamlsafe`), its schema (:mod:`bdhvs.checks.frontmatter`) and the Ede
publishing rule (the schema's ``translation`` part, see :mod:`bdhvs.i18n.publishing`)
give one list of findings. `bdhvs check`,
the build (on_page_read_source), the guide index, the translation tools and the browser
editor all read pages through :func:`read`, so they see the same text, the same meta and
the same problems. Records are cached per file version (path, size, mtime), so a build
reads and parses each page once whatever the number of features and languages.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs import settings
from bdhvs.checks import source
from bdhvs.findings import ERROR, Finding


@dataclass
class PageRecord:
    path: Path
    name: str  # path shown to editors, relative to the project root
    doc: source.Document | None  # None: the bytes could not be read as text
    findings: list[Finding] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text if self.doc else ""

    @property
    def body(self) -> str:
        return self.doc.body if self.doc else ""

    @property
    def meta(self) -> dict:
        """Front matter as MkDocs gives it (dates as datetime.date); {} when unusable."""
        return dict(self.doc.data) if self.doc and isinstance(self.doc.data, dict) else {}

    @property
    def plain_meta(self) -> dict:
        """Front matter as JSON holds it (dates as text), for schemas and the editor."""
        return dict(self.doc.meta) if self.doc and isinstance(self.doc.meta, dict) else {}

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def front_matter_usable(self) -> bool:
        return bool(self.doc and self.doc.fm_node is not None)


def read(path: Path, *, root: Path | None = None, docs_dir: Path | None = None, is_word=None,
         rules: bool = True) -> PageRecord:
    """The record of one page file. ``is_word`` (a Vietnamese syllable test) lets a page in
    an old encoding be decoded; without it, the project's dictionary is loaded when (and
    only when) a page is not UTF-8. ``rules=False`` skips the schema and the publishing
    rule (Markdown outside docs/<lang>/)."""
    root = Path(root or settings.ROOT)
    docs_dir = Path(docs_dir or settings.DOCS_DIR)
    try:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = None
    if is_word is None:
        return _read_cached(path, stamp, root, docs_dir, rules)
    return _read(path, root, docs_dir, is_word, rules)


@functools.lru_cache(maxsize=4096)
def _read_cached(path: Path, stamp, root: Path, docs_dir: Path, rules: bool) -> PageRecord:
    return _read(path, root, docs_dir, _LazyDictionary(root / "data"), rules)


def _read(path: Path, root: Path, docs_dir: Path, is_word, rules: bool) -> PageRecord:
    doc, findings = source.load(path, root=root, docs_dir=docs_dir, is_word=is_word)
    name = doc.name if doc else (findings[0].file if findings else path.as_posix())
    record = PageRecord(path, name, doc, list(findings))
    if doc is not None and rules and doc.kind == "page":
        from bdhvs.checks import frontmatter

        # The schema is also the Ede publishing rule's gate: a `reviewed` translation without
        # its source_hash (or with a malformed one) is refused here, for check AND build.
        record.findings += frontmatter.check(doc)
    return record


def clear_cache() -> None:
    _read_cached.cache_clear()


class _LazyDictionary:
    """A Vietnamese syllable test that loads the dictionary on first use (only a page
    that is not UTF-8 needs it)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir

    def __call__(self, token: str) -> bool:
        from bdhvs.checks import data

        loaded = data.cached(str(self.data_dir) if self.data_dir.is_dir() else None)
        return loaded.is_vi_word(token)
