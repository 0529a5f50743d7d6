"""Translation status of every Vietnamese page: current, stale, draft, missing.

The rules (one place; the CLI, the build and the editors' status page read them):

- ``missing``: no Ede page ``docs/ede/<path>`` for the Vietnamese ``docs/vi/<path>``.
- ``stale``:   the Ede page exists but the Vietnamese page changed since it was
               translated (its hash differs from ``translation.source_hash``), or no
               hash was recorded.
- ``draft``:   the Ede page matches the Vietnamese page but nobody reviewed it yet
               (``translation.status: draft``): never published to citizens.
- ``current``: reviewed by a native speaker (``translation.status: reviewed``) and
               made from today's Vietnamese page.
- ``sourced``: not a translation: a Vietnamese page for Ede readers that quotes only
               sourced Ede terms (``translation.status: sourced``, see publishing.py).
- ``orphan``:  an Ede page whose Vietnamese source no longer exists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs.i18n import base
from bdhvs.i18n.frontmatter import PageError
from bdhvs.inputs import pages
from bdhvs.i18n.project import Project

TODO_TITLE = "Cần dịch"  # the admonition title of a block still to translate
TODO_CLASS = "can-dich"  # the attr-list class of a heading still to translate
_TODO = re.compile(r'^[ \t]*(?:\d+[.)][ \t]+)?!!!\s+\w+\s+"' + TODO_TITLE + r'"|\{[^}\n]*\.' + TODO_CLASS + r'\b[^}\n]*\}\s*$', re.M)

STATES = ["current", "stale", "draft", "missing", "sourced", "orphan"]
LABELS = {
    "current": "Đã dịch, mới nhất",
    "stale": "Bản dịch cũ (tiếng Việt đã đổi)",
    "draft": "Bản nháp, chưa duyệt",
    "missing": "Chưa dịch",
    "sourced": "Trang tiếng Việt kèm từ Êđê có nguồn",
    "orphan": "Không còn trang tiếng Việt gốc",
}
PUBLISHED_STATUSES = {"reviewed", "sourced"}


@dataclass
class Entry:
    source: str  # path under docs/vi/ (or docs/ede/ for an orphan)
    state: str
    status: str | None = None  # translation.status of the Ede page
    translator: str | None = None
    reviewer: str | None = None
    date: str | None = None
    recorded_hash: str | None = None
    current_hash: str | None = None
    todo: int = 0  # blocks still marked "Cần dịch"
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def published(self) -> bool:
        """Shown to citizens in the public build."""
        return self.status in PUBLISHED_STATUSES


def count_todo(markdown: str) -> int:
    return len(_TODO.findall(markdown))


_UNUSABLE = {"FM-YAML", "FM-UNCLOSED", "FM-NOT-MAPPING", "FILE-BINARY", "FILE-NOT-UTF8", "FILE-TOO-BIG", "FILE-EMPTY",
             "FILE-LONG-LINE", "FILE-UNREADABLE"}


def entry_for(project: Project, source: str, *, strict: bool = False) -> Entry:
    """``strict`` (the `bdhvs translations` command): an Ede page whose front matter cannot
    be read raises PageError; otherwise (the build) the gate has reported it already."""
    vi_path = project.vi_dir / source
    ede_path = project.ede_dir / source
    if not ede_path.exists():
        return Entry(source, "missing")
    page = pages.read(ede_path, root=project.root, docs_dir=project.docs)  # the gate's record, read once
    broken = next((f for f in page.findings if f.code in _UNUSABLE), None)
    if strict and broken is not None:
        raise PageError(broken.file, f"{broken.code}: {broken.message}", broken.line)
    info = page.meta.get("translation") or {}
    if not isinstance(info, dict):
        info = {}
    entry = Entry(
        source, "draft", status=info.get("status"), translator=info.get("translator"),
        reviewer=info.get("reviewer"), date=_str(info.get("date")), recorded_hash=info.get("source_hash"),
        todo=count_todo(page.body),
    )
    if not info:
        entry.notes.append("thiếu mục 'translation' ở đầu trang")
    if not vi_path.exists():
        entry.state = "orphan"
        return entry
    entry.current_hash = base.source_hash(vi_path.read_text(encoding="utf-8", errors="replace"))
    if entry.status == "sourced":
        entry.state = "sourced"
    elif not entry.recorded_hash:
        entry.state = "stale"
        entry.notes.append("chưa ghi mã bản tiếng Việt (source_hash): chạy bdhvs translate --sync")
    elif entry.recorded_hash != entry.current_hash:
        entry.state = "stale"
    elif entry.status == "reviewed":
        entry.state = "current"
    else:
        entry.state = "draft"
    if entry.todo:
        entry.notes.append(f"còn {entry.todo} khối \"{TODO_TITLE}\"")
    return entry


def _is_editor_page(project: Project, source: str) -> bool:
    record = pages.read(project.vi_dir / source, root=project.root, docs_dir=project.docs)
    return record.meta.get("page_type") == "editor"


def scan(project: Project, *, strict: bool = False) -> list[Entry]:
    """Every Vietnamese page (except editors' pages, which stay Vietnamese) and every Ede page."""
    entries = [entry_for(project, source, strict=strict) for source in project.vi_pages()
               if not _is_editor_page(project, source)]
    known = {e.source for e in entries}
    for ede in project.ede_pages():
        if ede not in known:
            entries.append(entry_for(project, ede, strict=strict))
    return entries


def counts(entries: list[Entry]) -> dict[str, int]:
    return {state: sum(1 for e in entries if e.state == state) for state in STATES}


def stale_diff(project: Project, entry: Entry) -> str | None:
    """What changed in the Vietnamese page since the translation, as a unified diff."""
    old = base.load(project, entry.source, entry.recorded_hash)
    if old is None:
        return None
    new = (project.vi_dir / entry.source).read_text(encoding="utf-8")
    return base.diff(old, new, entry.source, entry.recorded_hash or "")


def _str(value) -> str | None:
    return None if value is None else str(value)


def ede_path(project: Project, source: str) -> Path:
    return project.ede_dir / source
