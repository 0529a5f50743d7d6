"""Find every link of a Markdown page with its position: Markdown links and images,
reference definitions, autolinks, bare URLs, raw-HTML href/src, and the `sources` URLs
of the front matter. Code blocks and inline code are skipped."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import yaml

from bdhvs.checks.prose import Spans, blank, code_spans
from bdhvs.checks.source import Document


@dataclass(frozen=True)
class Link:
    offset: int
    url: str
    text: str | None  # visible text (None when there is none, e.g. a bare URL)
    kind: str  # "markdown", "image", "video", "refdef", "autolink", "bare", "html", "source"


_MD_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]){0,500})\]\(\s*(<[^>\n]{0,2000}>|[^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500}){0,5})(?:\s+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?\s*\)")
_REFDEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.M)
_REF_USE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[([^\]\n]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel|ftp|javascript|data):[^>\s]+)>", re.I)
_BARE = re.compile(r"(?<![(<\"'=\w/])(?:https?|ftp)://[^\s<>()\[\]\"'`]+", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background", "cite"}


def code_masked(text: str, start: int) -> str:
    """Text with fenced code, comments and inline code blanked (HTML tags, even <script>
    and <style>, stay visible: their src/href are links too)."""
    chars = list(text)
    blank(chars, 0, start)
    for a, b in code_spans(text, start, raw_elements=()):
        blank(chars, a, b)
    return "".join(chars)


@dataclass
class Tag:
    offset: int
    name: str
    attrs: list[tuple[str, str | None]]
    end: bool = False


class _TagCollector(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(self._offset(), tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append(Tag(self._offset(), tag, attrs))

    def handle_endtag(self, tag):
        self.tags.append(Tag(self._offset(), tag, [], end=True))


# After the tag name a browser takes whitespace OR a slash before the attributes: <svg/onload=…>.
_COMPLETE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]{0,2000})?/?>")
_AUTOLINK_OR_NONTAG = re.compile(r"<(?:(?:https?|mailto|tel|ftp|javascript|data):[^>\s]+|[^A-Za-z/!][^>]*)>", re.I)


def html_tags(doc: Document) -> list[Tag]:
    """Raw HTML tags in the Markdown body (outside code), with offsets."""
    masked = code_masked(doc.text, doc.body_offset)
    masked = _AUTOLINK_OR_NONTAG.sub(lambda m: " " * len(m.group()), masked)
    # Give the parser complete tags only (everything else blanked, offsets kept): html.parser
    # is slow on thousands of unfinished "<a " in junk input.
    chars = [ch if ch == "\n" else " " for ch in masked]
    for m in _COMPLETE_TAG.finditer(masked):
        chars[m.start():m.end()] = masked[m.start():m.end()]
    masked = "".join(chars)
    parser = _TagCollector(masked)
    try:
        parser.feed(masked)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; never let junk crash a check
        pass
    return parser.tags


def extract(doc: Document) -> list[Link]:
    links: list[Link] = []
    if doc.kind not in ("page", "markdown"):
        return links
    text = code_masked(doc.text, doc.body_offset)
    refdefs = {}
    for m in _REFDEF.finditer(text):
        links.append(Link(m.start(2), m.group(2), None, "refdef"))
        refdefs[m.group(1).strip().lower()] = m.group(2)
    for m in _MD_LINK.finditer(text):
        url = m.group(3).strip("<>")
        label = m.group(2)
        kind = "image" if m.group(1) else "markdown"
        if kind == "image" and label.startswith("type:"):
            kind = "video"
        links.append(Link(m.start(3), url, label, kind))
    for m in _REF_USE.finditer(text):
        key = (m.group(3) or m.group(2)).strip().lower()
        if key in refdefs:
            links.append(Link(m.start(), refdefs[key], m.group(2), "image" if m.group(1) else "markdown"))
    for m in _AUTOLINK.finditer(text):
        links.append(Link(m.start(1), m.group(1), m.group(1), "autolink"))
    covered = Spans([(link.offset, link.offset + len(link.url)) for link in links])
    for m in _BARE.finditer(text):
        if m.start() not in covered:
            links.append(Link(m.start(), m.group().rstrip(".,;:!?"), m.group(), "bare"))
    for tag in html_tags(doc):
        for name, value in tag.attrs:
            if name in URL_ATTRS and value:
                pos = doc.text.find(value, tag.offset)
                links.append(Link(pos if pos >= 0 else tag.offset, value.strip(), None, "html"))
    links += source_links(doc)
    return sorted(links, key=lambda link: link.offset)


URL_KEYS = {"url", "href", "src", "link", "channel_url"}


def source_links(doc: Document) -> list[Link]:
    """Every front-matter value under a URL-named key (``sources[].url`` and any other
    ``url``/``href``/``src``/``link`` at any depth: a template may link it one day)."""
    out: list[Link] = []

    def walk(node, depth: int) -> None:
        if depth > 30:
            return
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if getattr(k, "value", None) in URL_KEYS and isinstance(v, yaml.ScalarNode):
                    out.append(Link(doc.fm_offset + v.start_mark.index, str(v.value), None, "source"))
                else:
                    walk(v, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, depth + 1)

    walk(doc.fm_node, 0)
    return out
