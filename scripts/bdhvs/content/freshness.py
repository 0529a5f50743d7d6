"""Freshness: what must be re-checked by a date.

A page that is true only for a while (a contest date, a class schedule, a deadline, a
law about to change) carries a page-level date in its front matter::

    recheck: 2027-03-31

and a single time-bound claim carries a marker at the end of its line, or on the line
before it::

    Cuộc thi diễn ra đến hết tháng 8/2026. <!-- bdhvs:recheck 2026-09-01 -->

:func:`items` finds both; :func:`state` says where today stands: ``ok``, ``soon`` (from
one month before the date: `bdhvs check` warns, RECHECK-SOON) or ``due`` (after the
date: an error, RECHECK-DUE). The editors' page "Cần xem lại" (marker
``<!-- bdhvs:recheck-due -->``) lists every item with its state. The build never fails
because of a date: a deploy must not break on the day a date passes.

Plain functions over text (no MkDocs); "today" is always a parameter (tests inject it).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MARKER = re.compile(r"<!--[ \t]*bdhvs:recheck(?:[ \t]+(?P<date>[^\s>]*))?[ \t]*-->")
LISTING_MARKER = "<!-- bdhvs:recheck-due -->"
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")  # inline code: a marker shown as an example
_KEY = re.compile(r"^recheck[ \t]*:", re.M)

STATES = ("due", "soon", "ok")
STATE_LABELS = {"due": "Quá hạn xem lại", "soon": "Sắp đến hạn (trong một tháng)", "ok": "Còn hạn"}


@dataclass(frozen=True)
class Item:
    line: int  # 1-based line in the file
    date: dt.date | None  # None: the date is missing or not a real date
    written: str  # the date as written
    claim: str  # the claim's text (the marker's line, or the next line), "" for the page date
    page_level: bool


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def month_before(date: dt.date) -> dt.date:
    """The same day one calendar month earlier (31/3 -> 28 or 29/2)."""
    year, month = (date.year, date.month - 1) if date.month > 1 else (date.year - 1, 12)
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def state(date: dt.date, today: dt.date) -> str:
    if today > date:
        return "due"
    if today >= month_before(date):
        return "soon"
    return "ok"


def _claim(lines: list[str], index: int) -> str:
    """The claim a marker on ``lines[index]`` dates: its own line's text, or (when the
    marker stands alone) the next non-empty line."""
    own = _STRIP.sub(lambda m: m.group("code") or "", lines[index]).strip()
    if own:
        return own
    for line in lines[index + 1:index + 4]:
        if line.strip():
            return line.strip()
    return ""


def items(meta: dict, text: str) -> list[Item]:
    """The page date (``recheck:``) and every claim marker of a page's FULL text (front
    matter included, so lines are the file's lines). Markers in fenced code are examples."""
    found = []
    lines = text.split("\n")
    if isinstance(meta, dict) and "recheck" in meta:
        key = _KEY.search(text)
        line = text[:key.start()].count("\n") + 1 if key else 1
        found.append(Item(line, parse_date(meta.get("recheck")), str(meta.get("recheck")), "", True))
    fence = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            continue
        if fence or "bdhvs:recheck" not in line:
            continue
        for match in MARKER.finditer(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)):
            written = match.group("date") or ""
            found.append(Item(index + 1, parse_date(written), written, _claim(lines, index), False))
    return found


_STRIP = re.compile(r"(?P<code>(`+)(?:(?!\2).)+?\2)|[ \t]*" + MARKER.pattern)


def strip(markdown: str) -> str:
    """The page without its claim markers (citizens need not see them in the HTML).
    Markers shown as examples in code stay."""
    if "bdhvs:recheck" not in markdown:
        return markdown
    out, fence = [], None
    for line in markdown.split("\n"):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
        if not fence and not fence_match and "bdhvs:recheck" in line:
            line = _STRIP.sub(lambda m: m.group("code") or "", line)
        out.append(line)
    return "\n".join(out)


def render_listing(pages: list[tuple[str, str, list[Item]]], today: dt.date) -> str:
    """Markdown of the editors' page: (title, link, items) of every page with a date,
    sorted: overdue first, then soon, then the rest, each by date."""
    rows = []
    for title, link, page_items in pages:
        for item in page_items:
            if item.date is None:
                continue
            rows.append((STATES.index(state(item.date, today)), item.date, title, link, item))
    if not rows:
        return "Chưa có trang nào ghi ngày cần xem lại (`recheck:` hoặc `<!-- bdhvs:recheck … -->`)."
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    counts = {s: sum(1 for r in rows if STATES[r[0]] == s) for s in STATES}
    out = [f"Tính đến ngày {today.day}/{today.month}/{today.year} (ngày dựng trang): "
           f"{counts['due']} quá hạn, {counts['soon']} sắp đến hạn, {counts['ok']} còn hạn.", "",
           "| Tình trạng | Hạn xem lại | Trang | Điều cần xem lại |", "|---|---|---|---|"]
    for rank, date, title, link, item in rows:
        what = "Cả trang" if item.page_level else _cell(item.claim)
        out.append(f"| {STATE_LABELS[STATES[rank]]} | {date.day}/{date.month}/{date.year} | "
                   f"[{_cell(title)}]({link}) (dòng {item.line}) | {what} |")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no pipes, no HTML, short)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images: their words only
    text = re.sub(r"<[^>]*>|\{:?[^}]*\}|\[\^[^\]]*\]", "", text)  # HTML, attribute lists, footnotes
    text = re.sub(r"^(?:[-*+]|\d+[.)]|#+)[ \t]+", "", text.strip())  # list and heading marks
    text = text.replace("|", "/").replace("\n", " ").strip()
    return text if len(text) <= 160 else text[:157] + "…"
