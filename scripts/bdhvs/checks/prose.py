"""Find the prose of a Markdown page: what a reader reads, in which language.

:func:`analyse` returns the page text with everything that is not prose blanked out
(same length, newlines kept, so offsets still give the right line and column): front
matter keys and non-prose values, fenced and inline code, URLs, link targets, HTML tags,
attribute lists, admonition markers, emoji codes, HTML entities. It also returns the
spans written in Ede (``lang="rad"``): whole pages under docs/ede/, HTML elements and
``{lang=rad}`` attribute lists; ``lang="vi"`` inside an Ede page switches back.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import yaml

from bdhvs.checks.source import Document

PROSE_FRONT_MATTER_KEYS = ("title", "description", "prerequisites")

_KEYS = re.compile(r"\+\+[\w+-]+\+\+")
_REFDEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_LINK_TARGET = re.compile(r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)")
_REF_USE = re.compile(r"\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]+>", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]{1,63}\.){1,8}(?:gov\.vn|com\.vn|org\.vn|edu\.vn|vn|com|org|net|gov|io)\b(?:/[^\s)]*)?", re.I)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[#.][^{}\n]{0,300}|[^{}\n=]{0,300}=[^{}\n]{0,300})\}")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===\+?)[ \t]*[\w-]*(?:[ \t]+[\w-]+)*", re.M)
_SNIPPET = re.compile(r"^[ \t]*-{2,}8<-{2,}.*$", re.M)
_EMOJI = re.compile(r":[a-z0-9_+-]+(?:-[a-z0-9_+-]+)+:")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_VIDEO = re.compile(r"!\[type:(?:video|audio)\]")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_ABBR_KEY = re.compile(r"^\*\[[^\]]+\]:", re.M)

_LANG_ELEMENT = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,300}?\blang\s*=\s*[\"']?(rad|vi)\b[^<>]{0,300}>", re.I)
_LANG_INLINE = re.compile(r"\[([^\[\]\n]{1,300})\]\{:?[^{}\n]{0,200}?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]{0,200}\}")
_LANG_BLOCK = re.compile(r"^[ \t]*\{:?[^{}\n]{0,200}?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]{0,200}\}[ \t]*$", re.M)
_LANG_TRAILING = re.compile(r"\{:?[^{}\n]{0,200}?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]{0,200}\}[ \t]*$", re.M)


class Spans:
    """A set of [start, end) intervals with O(log n) membership (pages can hold many)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            elif e > s:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


@dataclass
class Prose:
    text: str  # masked text: non-prose replaced by spaces
    ede: list[tuple[int, int]]  # spans in Ede
    vi: list[tuple[int, int]]  # spans in Vietnamese

    def lang_at(self, offset: int) -> str:
        if not hasattr(self, "_ede_index"):
            self._ede_index = Spans(self.ede)
        return "rad" if offset in self._ede_index else "vi"


def blank(chars: list[str], start: int, end: int) -> None:
    """Spaces over ``chars[start:end]``, newlines kept (line and column numbers stay right)."""
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _scalar_spans(node: yaml.Node, base: int) -> list[tuple[int, int]]:
    if isinstance(node, yaml.ScalarNode):
        return [(base + node.start_mark.index, base + node.end_mark.index)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalar_spans(item, base)]
    return []


_FENCE_LINE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")


def fence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Fenced code blocks, found line by line (linear; an unclosed fence runs to the end)."""
    spans, pos, open_at, fence = [], start, None, ""
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        m = _FENCE_LINE.match(text, pos, end)
        if open_at is None:
            if m:
                open_at, fence = pos, m.group(2)
        elif m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) and not text[m.end():end].strip():
            spans.append((open_at, end))
            open_at = None
        pos = end + 1
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def paired_spans(text: str, opener: str, closer: str, start: int = 0) -> list[tuple[int, int]]:
    """``opener … closer`` spans found with str.find (linear; unclosed → ignored)."""
    spans, pos = [], start
    while True:
        i = text.find(opener, pos)
        if i == -1:
            return spans
        j = text.find(closer, i + len(opener))
        if j == -1:
            return spans
        spans.append((i, j + len(closer)))
        pos = j + len(closer)


def comment_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """HTML comments as a browser ends them (HTML Standard, comment states): at the first
    ``-->`` or ``--!>``, or at once for ``<!-->`` and ``<!--->``. Markup after ``--!>`` is
    real markup, not comment. Linear (str.find); an unclosed comment is ignored."""
    spans, pos = [], start
    while True:
        i = text.find("<!--", pos)
        if i == -1:
            return spans
        body = i + 4
        if text.startswith(">", body) or text.startswith("->", body):
            end = body + (1 if text.startswith(">", body) else 2)
        else:
            plain, bang = text.find("-->", body), text.find("--!>", body)
            if plain == -1 and bang == -1:
                return spans
            end = plain + 3 if bang == -1 or (plain != -1 and plain <= bang) else bang + 4
        spans.append((i, end))
        pos = end


def code_span_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Inline code: a backtick run closed by the next run of the same length (CommonMark),
    in linear time."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text[start:])]
    runs = [(a + start, b + start) for a, b in runs]
    nxt: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for k in range(len(runs) - 1, -1, -1):
        length = runs[k][1] - runs[k][0]
        nxt[k] = last.get(length)
        last[length] = k
    spans, k = [], 0
    while k < len(runs):
        j = nxt[k]
        if j is not None:
            spans.append((runs[k][0], runs[j][1]))
            k = j + 1
        else:
            k += 1
    return spans


def code_spans(text: str, start: int = 0, *, raw_elements=("script", "style")) -> list[tuple[int, int]]:
    """Fenced code, HTML comments, ``raw_elements`` (<script>/<style>) and inline code."""
    spans = fence_spans(text, start) + comment_spans(text, start)
    lower = text.lower()
    for tag in raw_elements:
        spans += paired_spans(lower, f"<{tag}", f"</{tag}>", start)
    chars = list(text)
    for a, b in spans:
        blank(chars, a, b)
    return spans + code_span_spans("".join(chars), start)


def mask_markdown(text: str, start: int = 0) -> list[str]:
    """Blank out non-prose parts of Markdown ``text[start:]`` (returns the char list)."""
    chars = list(text)
    blank(chars, 0, start)
    for a, b in code_spans(text, start):
        blank(chars, a, b)
    current = "".join(chars)
    for rx in (_KEYS, _REFDEF, _AUTOLINK, _VIDEO):
        for m in rx.finditer(current, start):
            blank(chars, m.start(), m.end())
    current = "".join(chars)
    for m in _LINK_TARGET.finditer(current, start):
        blank(chars, m.start() + 1, m.end())
    for rx in (_REF_USE, _FOOTNOTE):
        for m in rx.finditer(current, start):
            blank(chars, m.start() + 1, m.end())
    current = "".join(chars)
    for rx in (_URL, _EMAIL, _DOMAIN, _ATTR_LIST, _TAG, _ADMONITION, _SNIPPET, _EMOJI, _ENTITY, _ABBR_KEY):
        for m in rx.finditer(current, start):
            blank(chars, m.start(), m.end())
    return chars


def _paragraph_before(text: str, pos: int) -> int:
    """Start offset of the paragraph that ends at ``pos`` (a blank line separates paragraphs)."""
    blank = text.rfind("\n\n", 0, max(0, pos - 1))
    return 0 if blank < 0 else blank + 2


def language_spans(text: str, start: int, page_lang: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {"rad": [], "vi": []}
    closes: dict[str, list[int]] = {}
    for m in _LANG_ELEMENT.finditer(text, start):
        tag = m.group(1).lower()
        if tag not in closes:
            closes[tag] = [c.start() for c in re.finditer(rf"</{re.escape(tag)}\s*>", text, re.I)]
        k = bisect.bisect_right(closes[tag], m.end())
        end = closes[tag][k] if k < len(closes[tag]) else len(text)
        spans[m.group(2).lower()].append((m.end(), end))
    for m in _LANG_INLINE.finditer(text, start):
        spans[m.group(2).lower()].append((m.start(1), m.end(1)))
    for m in _LANG_BLOCK.finditer(text, start):
        spans[m.group(1).lower()].append((_paragraph_before(text, m.start()), m.start()))
    for m in _LANG_TRAILING.finditer(text, start):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start:m.start()].strip():  # `## Heading {lang=rad}` or a paragraph's last line
            para = _paragraph_before(text, m.start())
            first = text[line_start:m.start()].lstrip()
            spans[m.group(1).lower()].append((line_start if first.startswith("#") else para, m.start()))
    ede, vi = spans["rad"], spans["vi"]
    if page_lang == "ede":
        # The whole page is Ede, except Vietnamese spans.
        ede = _subtract([(start, len(text))], vi)
    return ede, vi


def _subtract(spans, holes):
    result = []
    for s, e in spans:
        cuts = sorted(h for h in holes if h[1] > s and h[0] < e)
        pos = s
        for hs, he in cuts:
            if hs > pos:
                result.append((pos, hs))
            pos = max(pos, he)
        if pos < e:
            result.append((pos, e))
    return result


def effective_language(doc: Document) -> str | None:
    """The language of a page's running text. A page under docs/ede/ whose translation
    status is "sourced" is Vietnamese text quoting sourced Ede words in lang="rad" spans."""
    if doc.lang == "ede" and isinstance(doc.meta, dict):
        translation = doc.meta.get("translation")
        if isinstance(translation, dict) and translation.get("status") == "sourced":
            return "vi"
    return doc.lang


def analyse(doc: Document) -> Prose:
    text = doc.text
    chars = mask_markdown(text, doc.body_offset) if doc.kind in ("page", "markdown") else list(text)
    if doc.fm_node is not None and isinstance(doc.fm_node, yaml.MappingNode):
        for key_node, value in doc.fm_node.value:
            if getattr(key_node, "value", None) in PROSE_FRONT_MATTER_KEYS:
                for s, e in _scalar_spans(value, doc.fm_offset):
                    chars[s:e] = list(text[s:e])
        # URLs, domains and e-mail addresses inside those values are not prose either.
        restored = "".join(chars)
        for rx in (_URL, _EMAIL, _DOMAIN):
            for m in rx.finditer(restored, 0, doc.body_offset):
                blank(chars, m.start(), m.end())
    lang = effective_language(doc)
    ede, vi = language_spans(text, doc.body_offset, lang)
    if lang == "ede":
        ede = [(0, doc.body_offset)] + ede
    return Prose("".join(chars), ede, vi)
