"""`bdhvs check` side of the guide kit: the same rules the build applies, as findings.

- GUIDE-SAFETY: content/safety.py ``check_page`` (the build stops on the same problems).
- GUIDE-SAFETY-DATA: a data/safety/<topic>.md file that content/safety.py cannot load.
- GUIDE-SELFCHECK / GUIDE-NO-SELFCHECK: content/selfcheck.py (exactly one right
  answer; a guide without a self-check is a warning until every guide has one).
- RECHECK-SOON / RECHECK-DUE / RECHECK-DATE: content/freshness.py, against ``today``.
- GUIDE-LONG-SENTENCE: checks/sentences.py.

Shape problems that the front matter schema already reports (FM-…) are not repeated.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from bdhvs.checks import sentences
from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document, node_at
from bdhvs.content import freshness, lessons, safety, selfcheck
from bdhvs.findings import Finding


def _meta(doc: Document) -> dict:
    return doc.meta if isinstance(doc.meta, dict) else {}


def _key_line(doc: Document, path: list) -> int:
    node, key = node_at(doc.fm_node, path)
    mark = (key or node or doc.fm_node)
    base = doc.pos(doc.fm_offset)[0] - 1
    return base + mark.start_mark.line + 1 if mark is not None else 1


def check(doc: Document, today: dt.date | None = None) -> list[Finding]:
    """Findings of a Markdown page under docs/ (``today``: injected by tests)."""
    if doc.kind != "page":
        return []
    today = today or dt.date.today()
    meta = _meta(doc)
    out = []
    for problem in safety.check_page(meta, doc.text):
        if problem.kind != "unknown-declared":  # FM-VALUE says it already
            out.append(finding(doc.name, problem.line, 1, "GUIDE-SAFETY", problem.message[:1].upper() + problem.message[1:]))
    if meta.get("page_type") == "guide" and doc.lang == "vi":
        if "self_check" not in meta:
            out.append(finding(doc.name, 1, 1, "GUIDE-NO-SELFCHECK"))
    if "self_check" in meta:
        for problem in selfcheck.problems(meta.get("self_check")):
            if problem.kind == "correct":
                line = _key_line(doc, ["self_check"] + problem.path) if doc.fm_node is not None else 1
                out.append(finding(doc.name, line, 1, "GUIDE-SELFCHECK", problem.message[:1].upper() + problem.message[1:]))
    if meta.get("page_type") == "lesson" and doc.lang:
        out += _lesson(doc, meta)
    out += _freshness(doc, meta, today)
    out += sentences.check(doc)
    return out


def _lesson(doc: Document, meta: dict) -> list[Finding]:
    lang_dir = doc.path.parent.parent  # docs/<lang>/bai-hoc/x.md -> docs/<lang>
    if doc.lang == "ede":
        lang_dir = lang_dir.parent / "vi"  # lessons teach the Vietnamese guides
    wanted = {i.get("guide") for i in meta.get("guides") or [] if isinstance(i, dict)}
    guides = {slug: lessons.load_guide(lang_dir, slug) for slug in wanted if isinstance(slug, str)}
    def line(problem: str) -> int:  # the line of the field the problem names ("guides: …", "check: …")
        key = problem.split(":", 1)[0]
        return _key_line(doc, [key]) if doc.fm_node is not None and key in meta else 1
    return [finding(doc.name, line(p), 1, "GUIDE-LESSON", p[:1].upper() + p[1:]) for p in lessons.problems(meta, guides)]


def _freshness(doc: Document, meta: dict, today: dt.date) -> list[Finding]:
    out = []
    for item in freshness.items(meta, doc.text):
        what = "Cả trang (recheck:)" if item.page_level else f"“{item.claim[:80]}”"
        if item.date is None:
            if not item.page_level:  # the page date is checked by the schema (FM-DATE)
                out.append(finding(doc.name, item.line, 1, "RECHECK-DATE",
                                   f"Ngày xem lại '{item.written}' viết sai hoặc không có thật"))
            continue
        written = f"{item.date.day}/{item.date.month}/{item.date.year}"
        state = freshness.state(item.date, today)
        if state == "due":
            out.append(finding(doc.name, item.line, 1, "RECHECK-DUE",
                               f"Đã quá ngày xem lại {written} ({(today - item.date).days} ngày): {what}"))
        elif state == "soon":
            out.append(finding(doc.name, item.line, 1, "RECHECK-SOON",
                               f"Phải xem lại trước ngày {written} (còn {(item.date - today).days} ngày): {what}"))
    return out


def check_data(doc: Document, data_dir: Path) -> list[Finding]:
    """A data/safety/<topic>.md file: loadable, with title, sources and a body."""
    try:
        folder = doc.path.resolve().parent
        if folder != (Path(data_dir) / safety.DIR).resolve() or doc.path.suffix != ".md":
            return []
    except OSError:
        return []
    try:
        safety.load(data_dir)
    except safety.SafetyError as exc:
        text = str(exc)
        if text.startswith(f"data/{safety.DIR}/{doc.path.name}"):
            rest = text.split(":", 1)[1]
            line = int(rest.split(":", 1)[0]) if rest.split(":", 1)[0].strip().isdigit() else 1
            return [finding(doc.name, line, 1, "GUIDE-SAFETY-DATA", text.split(": ", 1)[-1])]
    if doc.path.stem not in safety.SAFETY_TOPICS:
        return [finding(doc.name, 1, 1, "GUIDE-SAFETY-DATA",
                        f"Tệp '{doc.path.name}' không ứng với chủ đề nào ({', '.join(safety.SAFETY_TOPICS)})",
                        "Đổi tên tệp cho đúng chủ đề, hoặc xoá tệp; thêm chủ đề mới cần sửa SAFETY_TOPICS trong "
                        "scripts/bdhvs/content/schema.py.")]
    return []
