"""Find the prose of a Markdown page: what a reader reads, in which language.

:func:`analyse` returns the page text with everything that is not prose blanked out
(same length, newlines kept, so offsets still give the right line and column): front
matter keys and non-prose values, fenced and inline code, URLs, link targets, HTML tags,
attribute lists, admonition markers, emoji codes, HTML entities. It also returns the
spans written in Ede (``lang="rad"``): whole pages under docs/ede/, HTML elements and
``{lang=rad}`` attribute lists; ``lang="vi"`` inside an Ede page switches back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from bdhvs.checks.source import Document

PROSE_FRONT_MATTER_KEYS = ("title", "description", "prerequisites")

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n(?:.*?\n)??\1?[ \t]*\2[`~]*[ \t]*$", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:.+?)(?<!`)\1(?!`)", re.S)
_KEYS = re.compile(r"\+\+[\w+-]+\+\+")
_REFDEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_LINK_TARGET = re.compile(r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)")
_REF_USE = re.compile(r"\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]+>", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|org\.vn|edu\.vn|vn|com|org|net|gov|io)\b(?:/[^\s)]*)?", re.I)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[#.][^{}\n]*|[^{}\n]*=[^{}\n]*)\}")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===\+?)[ \t]*[\w-]*(?:[ \t]+[\w-]+)*", re.M)
_SNIPPET = re.compile(r"^[ \t]*-{2,}8<-{2,}.*$", re.M)
_EMOJI = re.compile(r":[a-z0-9_+-]+(?:-[a-z0-9_+-]+)+:")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_VIDEO = re.compile(r"!\[type:(?:video|audio)\]")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_ABBR_KEY = re.compile(r"^\*\[[^\]]+\]:", re.M)

_LANG_ELEMENT = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^<>]*?\blang\s*=\s*[\"']?(rad|vi)\b[^<>]*>", re.I)
_LANG_INLINE = re.compile(r"\[([^\]\n]+)\]\{:?[^{}\n]*?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]*\}")
_LANG_BLOCK = re.compile(r"^[ \t]*\{:?[^{}\n]*?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]*\}[ \t]*$", re.M)
_LANG_TRAILING = re.compile(r"\{:?[^{}\n]*?\blang\s*=\s*[\"']?(rad|vi)\b[^{}\n]*\}[ \t]*$", re.M)


@dataclass
class Prose:
    text: str  # masked text: non-prose replaced by spaces
    ede: list[tuple[int, int]]  # spans in Ede
    vi: list[tuple[int, int]]  # spans in Vietnamese

    def lang_at(self, offset: int) -> str:
        for start, end in self.ede:
            if start <= offset < end:
                return "rad"
        return "vi"


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _scalar_spans(node: yaml.Node, base: int) -> list[tuple[int, int]]:
    if isinstance(node, yaml.ScalarNode):
        return [(base + node.start_mark.index, base + node.end_mark.index)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalar_spans(item, base)]
    return []


def mask_markdown(text: str, start: int = 0) -> list[str]:
    """Blank out non-prose parts of Markdown ``text[start:]`` (returns the char list)."""
    chars = list(text)
    _blank(chars, 0, start)
    body = text
    for rx in (_FENCE, _COMMENT):
        for m in rx.finditer(body, start):
            _blank(chars, m.start(), m.end())
    current = "".join(chars)
    for rx in (_INLINE_CODE, _KEYS, _REFDEF, _AUTOLINK, _VIDEO):
        for m in rx.finditer(current, start):
            _blank(chars, m.start(), m.end())
    current = "".join(chars)
    for m in _LINK_TARGET.finditer(current, start):
        _blank(chars, m.start() + 1, m.end())
    for rx in (_REF_USE, _FOOTNOTE):
        for m in rx.finditer(current, start):
            _blank(chars, m.start() + 1, m.end())
    current = "".join(chars)
    for rx in (_URL, _EMAIL, _DOMAIN, _ATTR_LIST, _TAG, _ADMONITION, _SNIPPET, _EMOJI, _ENTITY, _ABBR_KEY):
        for m in rx.finditer(current, start):
            _blank(chars, m.start(), m.end())
    return chars


def _paragraph_before(text: str, pos: int) -> int:
    """Start offset of the paragraph that ends at ``pos`` (a blank line separates paragraphs)."""
    blank = text.rfind("\n\n", 0, max(0, pos - 1))
    return 0 if blank < 0 else blank + 2


def language_spans(text: str, start: int, page_lang: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {"rad": [], "vi": []}
    for m in _LANG_ELEMENT.finditer(text, start):
        tag = m.group(1)
        close = re.compile(rf"</{tag}\s*>", re.I).search(text, m.end())
        end = close.start() if close else len(text)
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
                _blank(chars, m.start(), m.end())
    lang = effective_language(doc)
    ede, vi = language_spans(text, doc.body_offset, lang)
    if lang == "ede":
        ede = [(0, doc.body_offset)] + ede
    return Prose("".join(chars), ede, vi)
