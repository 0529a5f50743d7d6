"""The dates an editor writes when they read a source or check a page are real dates of
this project's life: not before 2020 (a year typed as 1902 or 2002 is a slip, often the
browser's date box) and not in the future. FM-DATE-RANGE, on the line of the date.

Which dates: every source's ``date`` (when the editor read it), ``last_reviewed``,
``review.date`` and ``translation.date``. Not ``published`` (a source may be older: the
law of 2005 is still a source) and not ``recheck`` (a date to come, by design)."""
from __future__ import annotations

import datetime as dt

from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document, node_at
from bdhvs.findings import Finding

EARLIEST = dt.date(2020, 1, 1)


def _paths(meta: dict):
    yield ["last_reviewed"]
    for group in ("review", "translation"):
        if isinstance(meta.get(group), dict):
            yield [group, "date"]
    sources = meta.get("sources")
    if isinstance(sources, list):
        for i, src in enumerate(sources):
            if isinstance(src, dict):
                yield ["sources", i, "date"]


def _value(meta, path):
    for part in path:
        try:
            meta = meta[part]
        except (KeyError, IndexError, TypeError):
            return None
    return meta


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None  # not a real date: FM-DATE says so


def check(doc: Document, today: dt.date | None = None) -> list[Finding]:
    if doc.kind != "page" or doc.fm_node is None or not isinstance(doc.meta, dict):
        return []
    today = today or dt.date.today()
    base_line = doc.pos(doc.fm_offset)[0] - 1
    out = []
    for path in _paths(doc.meta):
        day = _as_date(_value(doc.meta, path))
        if day is None or EARLIEST <= day <= today:
            continue
        node, key = node_at(doc.fm_node, path)
        mark = (key or node or doc.fm_node).start_mark
        name = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")
        why = "trước năm 2020" if day < EARLIEST else f"ở tương lai (hôm nay là {today.isoformat()})"
        out.append(finding(doc.name, base_line + mark.line + 1, mark.column + 1, "FM-DATE-RANGE",
                           f"'{name}': ngày {day.isoformat()} {why}"))
    return out
