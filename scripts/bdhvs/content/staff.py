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

# A staff note's first line, in EVERY spelling an editor may type: !!! or ??? or ???+,
# any spaces or tabs (or none) before the type, "staff" in any case among the type words
# (Python-Markdown lower-cases them: `!!! Staff` renders as class "staff" too), a title in
# quotes, in unclosed quotes or none, after a list number/bullet or a quote mark.
_START = re.compile(
    r"^(?P<indent>[ \t]*)(?P<prefix>(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*)"
    r"(?P<mark>!!!|\?\?\?\+?)(?P<gap>[ \t]*)(?P<types>[^\"\n]*?)[ \t]*(?:\"(?P<title>[^\"\n]*)\"?)?[ \t]*$")
_STAFF_WORD = re.compile(r"\bstaff\b", re.I)
# What Python-Markdown's admonition (and pymdownx.details for ???) renders: one optional
# space, lower-case-able type words separated by spaces, an optional "title".
_WELL_FORMED = re.compile(r'^(?:!!!|\?\?\?\+?) ?staff(?: +"[^"\n]*")? *$', re.I)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Note:
    title: str
    body: str  # Markdown, dedented
    line: int  # 1-based, in the text given


@dataclass(frozen=True)
class Block:
    start: int  # 0-based line of the header
    end: int  # 0-based line after the last body line
    indent: str  # spaces before the header (and before a list number or quote mark)
    prefix: str  # "1. ", "- ", "> "… written before the header ("" when well placed)
    title: str
    problem: str  # "" for a well-formed note; else what is wrong (Vietnamese)


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _header(line: str) -> re.Match | None:
    match = _START.match(line)
    if match and _STAFF_WORD.search(match.group("types") or ""):
        return match
    return None


def _header_problem(match: re.Match) -> str:
    written = line = match.group(0).strip()
    if match.group("prefix"):
        return f"ghi chú “{written}” viết sau số thứ tự, dấu đầu dòng hoặc dấu >"
    core = line[len(match.group("prefix") or ""):]
    if "\t" in match.group("gap") or "\t" in core:
        return f"ghi chú “{written}” có ký tự Tab"
    if len(match.group("gap")) > 1:
        return f"ghi chú “{written}” có nhiều dấu cách sau {match.group('mark')}"
    if not _WELL_FORMED.match(core):
        if core.count('"') == 1:
            return f"ghi chú “{written}” thiếu dấu ngoặc kép đóng tiêu đề"
        return f"ghi chú “{written}” viết không đúng dạng !!! staff \"Tiêu đề\""
    return ""


def blocks(markdown: str) -> list[Block]:
    """Every staff note of a page, however it is written (0-based line numbers). Blocks
    inside fenced code are not notes (a page may show the syntax)."""
    lines = markdown.split("\n")
    found, fence, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            i += 1
            continue
        match = None if fence else _header(line)
        if not match:
            i += 1
            continue
        problem = _header_problem(match)
        width = _width(match.group("indent"))
        body_width = width + 4
        end = last_body = i
        j = i + 1
        shallow = False
        while j < len(lines):
            text = lines[j]
            if not text.strip():
                j += 1
                continue
            indent = _width(text[: len(text) - len(text.lstrip())])
            if indent > width:
                shallow = shallow or indent < body_width
                last_body = j
                j += 1
                continue
            break
        end = last_body + 1
        if end == i + 1 and i + 1 < len(lines) and lines[i + 1].strip() and not _header(lines[i + 1]):
            # The body was written without indentation: Markdown would print it for
            # citizens. It goes with the note (up to the next blank line), reported.
            end = i + 1
            while end < len(lines) and lines[end].strip():
                end += 1
            problem = problem or "nội dung ghi chú không thụt lề"
        elif end == i + 1:
            # Nothing indented under the header: the text of the note is most likely the
            # next paragraph, written without indentation. It goes with the note, reported.
            k = i + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and not _header(lines[k]) and not _FENCE.match(lines[k]) \
                    and not lines[k].lstrip().startswith("#"):
                end = k
                while end < len(lines) and lines[end].strip():
                    end += 1
            problem = problem or "ghi chú trống: nội dung phải ở các dòng ngay sau, thụt vào 4 dấu cách"
        elif shallow and not problem:
            problem = "nội dung ghi chú thụt lề chưa đủ 4 dấu cách"
        title = (match.group("title") or "").strip()
        found.append(Block(i, end, match.group("indent"), match.group("prefix") or "", title, problem))
        i = end
    return found


def _blocks(markdown: str) -> list[tuple[int, int, str, str]]:
    return [(b.start, b.end, b.indent, b.title) for b in blocks(markdown)]


def notes(markdown: str) -> list[Note]:
    """The staff notes of a page, in order."""
    lines = markdown.split("\n")
    out = []
    for b in blocks(markdown):
        body_lines = lines[b.start + 1:b.end]
        if b.problem and body_lines and not any(t[:1] in " \t" for t in body_lines if t.strip()):
            body = "\n".join(body_lines)  # unindented body
        else:
            body = textwrap.dedent("\n".join(body_lines).expandtabs(4))
        out.append(Note(b.title, body.strip("\n"), b.start + 1))
    return out


def strip(markdown: str, citizen_line: str = CITIZEN_LINE) -> str:
    """The page for citizens: staff blocks removed (every spelling), one citizen line
    where the first was."""
    found = blocks(markdown)
    if not found:
        return markdown
    lines = markdown.split("\n")
    out, last = [], 0
    for n, b in enumerate(found):
        out += lines[last:b.start]
        lead = b.indent + (b.prefix if b.prefix.strip()[:1] not in (">",) else "")
        if n == 0:
            # attr_list marks the paragraph (works inside list items too, unlike raw HTML).
            out += ["", f"{lead}{citizen_line}", f"{b.indent}{{: .bdhvs-staff-line {LINE_MARK} }}", ""]
        elif b.prefix and lead.strip():
            out += ["", lead.rstrip(), ""]  # keep the list item the note was written in
        last = b.end
    out += lines[last:]
    return "\n".join(out)


# A staff block written as raw HTML (<div class="admonition staff">): Markdown cannot remove it.
RAW_HTML = re.compile(r"""<[a-z][^>]*\bclass\s*=\s*["']?[^"'>]*(?<![\w-])staff(?![\w-])""", re.I)
# Any element of the rendered page with the class "staff" (not "bdhvs-staff-line").
ANY_CLASS = re.compile(r"""\bclass\s*=\s*["']?[^"'>]*(?<![\w-])staff(?![\w-])""", re.I)


def raw_html_lines(markdown: str) -> list[int]:
    """1-based lines (outside fenced code) of raw HTML carrying the class "staff"."""
    out, fence = [], None
    for i, line in enumerate(markdown.split("\n")):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            continue
        if not fence and RAW_HTML.search(line):
            out.append(i + 1)
    return out


def problems(markdown: str) -> list[tuple[int, str]]:
    """(1-based line, what is wrong) of every badly written staff note: each is still
    removed from the public page (raw HTML excepted: the build stops), and reported so the
    editor fixes it."""
    found = [(b.start + 1, b.problem) for b in blocks(markdown) if b.problem]
    found += [(line, "khối ghi chú viết bằng HTML (class “staff”): trang cho bà con không bỏ được, "
                     "việc dựng trang dừng lại") for line in raw_html_lines(markdown)]
    return sorted(found)


def loose_markers(markdown: str) -> list[int]:
    """1-based lines of badly written staff notes (kept for callers of the old name)."""
    return [line for line, _ in problems(markdown)]


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
