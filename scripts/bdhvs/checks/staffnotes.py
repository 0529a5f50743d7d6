"""STAFF-NOTE: a staff note (``!!! staff``) written in a way Markdown would not render as
a note (tabs, extra spaces, after a list number, unindented body, no closing quote…).
The public build removes it anyway (content/staff.py recognises every spelling); this
check tells the editor where, so the preview and the staff handouts show it right."""
from __future__ import annotations

from pathlib import Path

from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document, load
from bdhvs.content import staff
from bdhvs.findings import Finding


def check(doc: Document) -> list[Finding]:
    if doc.kind not in ("page", "markdown") or "staff" not in doc.text.lower():
        return []
    first = doc.pos(doc.body_offset)[0] - 1  # lines before the body (front matter)
    out = []
    for line, problem in staff.problems(doc.body):
        out.append(finding(doc.name, first + line, 1, "STAFF-NOTE",
                           f"Ghi chú cho cán bộ viết sai: {problem}. Trang cho bà con đã bỏ khối này, "
                           "nhưng bản xem trước và tài liệu in cho cán bộ sẽ hiện sai"))
    return out


def check_file(path: Path, root: Path, docs_dir: Path) -> list[Finding]:
    """The same findings for a page the build is rendering (read from its file, so the
    line numbers are the editor's)."""
    doc, _problems = load(path, root=root, docs_dir=docs_dir)
    return check(doc) if doc is not None else []
