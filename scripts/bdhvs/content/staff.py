"""Staff-only notes: ``!!! staff "…"`` admonitions, for commune staff, never for citizens.

Editors write what only staff should read (things to check before teaching, facts a
source leaves unclear) as an admonition of type ``staff``::

    !!! staff "Cán bộ xã cần kiểm tra trước khi dạy"
        - …

- Public build: every ``staff`` block is removed from the Markdown; ONE plain citizen
  line (CITIZEN_LINE) takes the place of the first one, so a page that had notes tells
  the reader where to ask, and a page without notes is unchanged.
- Preview build (``BDHVS_PREVIEW=1``): the blocks stay and are styled as staff notes
  (``.admonition.staff`` in guide.css).
- The editors' page (``<!-- bdhvs:staff-notes -->``, built only in preview) lists the
  notes of every guide; staff handouts are printed from the preview build.

Plain functions over Markdown text (no MkDocs): the feature calls them.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

TYPE = "staff"
CITIZEN_LINE = "Nếu màn hình trên điện thoại của bạn khác hình trong bài, hãy hỏi Công an xã hoặc Tổ công nghệ số cộng đồng."
LINE_MARK = 'data-bdhvs="staff-line"'
LISTING_MARKER = "<!-- bdhvs:staff-notes -->"  # the editors' page that lists every guide's notes
# The rendered class of a staff block (Python-Markdown's admonition: "admonition staff").
HTML_CLASS = re.compile(r'class="[^"]*\badmonition\b[^"]*\bstaff\b')

_START = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+staff\b(?:[ \t]+"(?P<title>[^"\n]*)")?[ \t]*$')
# Any other way of writing a staff admonition that _START does not take (e.g. after a list
# number): reported instead of being published by mistake.
_LOOSE = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+staff\b')
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Note:
    title: str
    body: str  # Markdown, dedented
    line: int  # 1-based, in the text given


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _blocks(markdown: str) -> list[tuple[int, int, str, str]]:
    """(first line, end line (exclusive), indent, title) of each staff block, 0-based
    line numbers. Blocks inside fenced code are not notes (a page may show the syntax)."""
    lines = markdown.split("\n")
    found, fence, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            i += 1
            continue
        match = None if fence else _START.match(line)
        if not match:
            i += 1
            continue
        width = _width(match.group("indent"))
        end = i + 1
        last_body = i
        while end < len(lines):
            text = lines[end]
            if not text.strip():
                end += 1
                continue
            if _width(text[: len(text) - len(text.lstrip())]) > width:
                last_body = end
                end += 1
                continue
            break
        found.append((i, last_body + 1, match.group("indent"), match.group("title") or ""))
        i = last_body + 1
    return found


def notes(markdown: str) -> list[Note]:
    """The staff notes of a page, in order."""
    lines = markdown.split("\n")
    out = []
    for start, end, indent, title in _blocks(markdown):
        body = textwrap.dedent("\n".join(lines[start + 1:end]).expandtabs(4))
        out.append(Note(title, body.strip("\n"), start + 1))
    return out


def strip(markdown: str, citizen_line: str = CITIZEN_LINE) -> str:
    """The page for citizens: staff blocks removed, one citizen line where the first was."""
    blocks = _blocks(markdown)
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    out, last = [], 0
    for n, (start, end, indent, _title) in enumerate(blocks):
        out += lines[last:start]
        if n == 0:
            # attr_list marks the paragraph (works inside list items too, unlike raw HTML).
            out += ["", f"{indent}{citizen_line}", f"{indent}{{: .bdhvs-staff-line {LINE_MARK} }}", ""]
        last = end
    out += lines[last:]
    return "\n".join(out)


def loose_markers(markdown: str) -> list[int]:
    """1-based lines that mention a staff admonition in a way ``strip`` does not take."""
    taken = {start for start, *_ in _blocks(markdown)}
    lines, bad, fence = markdown.split("\n"), [], None
    for i, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            continue
        if not fence and i not in taken and _LOOSE.search(line):
            bad.append(i + 1)
    return bad


def render_listing(pages: list[tuple[str, str, list[Note]]]) -> str:
    """Markdown of the editors' page: for each (heading, link, notes) a section with the
    notes as staff admonitions."""
    with_notes = [p for p in pages if p[2]]
    if not with_notes:
        return "Chưa có hướng dẫn nào có ghi chú cho cán bộ."
    total = sum(len(n) for _, _, n in with_notes)
    out = [f"{total} ghi chú trong {len(with_notes)} hướng dẫn.", ""]
    for heading, link, page_notes in with_notes:
        out += [f"## [{heading}]({link})", ""]
        for note in page_notes:
            out.append(f'!!! staff "{note.title}"' if note.title else "!!! staff")
            out += [("    " + line) if line.strip() else "" for line in note.body.split("\n")]
            out.append("")
    return "\n".join(out)
