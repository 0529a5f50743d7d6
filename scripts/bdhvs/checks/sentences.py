"""Plain language: how long the sentences of a page are, in syllables (tiếng).

Vietnamese writes one syllable per word-form, separated by spaces, so a sentence's
length is the number of its letter-or-digit runs. Only what a citizen reads counts:
the body of a Vietnamese page, with code, links' addresses, HTML and front matter
masked as in :mod:`prose` (the same masking as the spelling check), staff notes
(``!!! staff``) and Ede spans left out.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space or the end of its
block; a block is a paragraph, a list item, a heading, a table row or an admonition
title. :func:`measure` gives the figures of one page (mean, share over 20 syllables,
the longest with its line); :func:`check` warns (GUIDE-LONG-SENTENCE) on every sentence
over :data:`LIMIT` syllables in a page for citizens; `bdhvs sentences` prints the figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bdhvs.checks import prose
from bdhvs.checks.source import Document
from bdhvs.content import staff
from bdhvs.findings import Finding

LIMIT = 25  # a citizen sentence longer than this is reported
LONG = 20  # the share of sentences over this is a page's figure
# Pages not for citizens: editors' pages and trainers' lessons.
NOT_FOR_CITIZENS = {"editor", "lesson"}

_SYLLABLE = re.compile(r"[^\W_]+")
_END = re.compile(r"[.!?…]+(?=[\s\"”’)\]*_]*(?:\s|$))")
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_OWN_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|\||!!!|\?\?\?|===|<)")


@dataclass(frozen=True)
class Sentence:
    line: int  # 1-based line in the file where the sentence starts
    syllables: int
    text: str  # the sentence as masked (for reports), whitespace collapsed


@dataclass(frozen=True)
class Figures:
    file: str
    sentences: int
    mean: float
    over_long: float  # share (0–1) of sentences over LONG syllables
    longest: Sentence | None


def _masked(doc: Document) -> str:
    """What a citizen reads of a page: prose only, front matter, staff notes and Ede blanked."""
    analysed = prose.analyse(doc)
    chars = list(analysed.text)
    prose.blank(chars, 0, doc.body_offset)
    for start, end in analysed.ede:
        prose.blank(chars, start, end)
    body_line = doc.pos(doc.body_offset)[0] - 1
    for first, last, _indent, _title in staff._blocks(doc.body):
        start = doc.lines.offset(body_line + first + 1)
        end = doc.lines.offset(body_line + last + 1) if body_line + last + 1 <= len(doc.lines.starts) else len(chars)
        prose.blank(chars, start, end)
    return "".join(chars)


def sentences(doc: Document) -> list[Sentence]:
    """Every sentence of a page's citizen text, in order."""
    masked = _masked(doc)
    original = doc.text.split("\n")
    out: list[Sentence] = []
    block: list[tuple[int, str]] = []  # (line number, masked text) of the block being read

    def flush():
        if block:
            out.extend(_split(block))
            block.clear()

    for number, line in enumerate(masked.split("\n"), 1):
        source = original[number - 1] if number - 1 < len(original) else ""
        if not line.strip():
            flush()
            continue
        if _OWN_LINE.match(source):
            flush()
            # A table row: each cell is read on its own.
            for cell in (line.split("|") if source.lstrip().startswith("|") else [line]):
                block.append((number, cell))
                flush()
            continue
        marker = _BLOCK_START.match(line)
        if marker:
            flush()
            line = " " * marker.end() + line[marker.end():]
        block.append((number, line))
    flush()
    return out


def _split(block: list[tuple[int, str]]) -> list[Sentence]:
    text, starts = "", []
    for number, line in block:
        starts.append((len(text), number))
        text += line + "\n"
    out, pos = [], 0
    cuts = [m.end() for m in _END.finditer(text)] + [len(text)]
    for cut in cuts:
        piece = text[pos:cut]
        count = len(_SYLLABLE.findall(piece))
        if count:
            lead = pos + len(piece) - len(piece.lstrip())
            line = max(n for offset, n in starts if offset <= lead) if starts else 1
            out.append(Sentence(line, count, " ".join(piece.split())))
        pos = cut
    return out


def measure(doc: Document) -> Figures:
    found = sentences(doc)
    if not found:
        return Figures(doc.name, 0, 0.0, 0.0, None)
    total = sum(s.syllables for s in found)
    longest = max(found, key=lambda s: s.syllables)
    return Figures(doc.name, len(found), total / len(found),
                   sum(1 for s in found if s.syllables > LONG) / len(found), longest)


def for_citizens(doc: Document) -> bool:
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    return doc.kind == "page" and doc.lang == "vi" and meta.get("page_type") not in NOT_FOR_CITIZENS


def check(doc: Document) -> list[Finding]:
    if not for_citizens(doc):
        return []
    return [doc.at(doc.lines.offset(s.line), "GUIDE-LONG-SENTENCE",
                   f"Câu dài {s.syllables} tiếng (nên dưới {LIMIT}): “{_quote(s.text)}”")
            for s in sentences(doc) if s.syllables > LIMIT]


def _quote(text: str) -> str:
    return text if len(text) <= 90 else text[:60] + " … " + text[-25:]
