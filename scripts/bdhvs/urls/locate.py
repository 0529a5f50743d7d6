"""Where, in the Markdown file, does an element of the rendered HTML come from?

Python-Markdown keeps no source positions, so each problem carries "needles" (the URL, the
attribute name, ``<tag``); the first occurrence in the page body, outside code first, then
anywhere, is taken, and a needle found again for a later problem moves on to its next
occurrence. A value written with character references or split by a tab is found by its
longest plain piece. Nothing found: the first line of the body.
"""
from __future__ import annotations

import html
import re

from bdhvs.checks.links import code_masked
from bdhvs.checks.source import Document

_PIECE = re.compile(r"[\w./:@%-]{4,}")


class Locator:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lower = doc.text.lower()
        try:
            masked = code_masked(doc.text, doc.body_offset)
        except Exception:  # noqa: BLE001 - locating never fails a check
            masked = doc.text
        self.masked_lower = masked.lower()
        self.cursor: dict[str, int] = {}

    def _find(self, needle: str) -> int | None:
        if not needle:
            return None
        key = needle.lower()
        start = self.cursor.get(key, self.doc.body_offset)
        for hay in (self.masked_lower, self.lower):
            pos = hay.find(key, start)
            if pos < 0 and start > self.doc.body_offset:
                pos = hay.find(key, self.doc.body_offset)
            if pos >= 0:
                self.cursor[key] = pos + 1
                return pos
        return None

    def offset(self, needles: list[str]) -> int:
        candidates: list[str] = []
        for needle in needles:
            if not needle:
                continue
            candidates += [needle, html.escape(needle, quote=False), html.escape(needle)]
        for needle in needles:
            pieces = sorted(_PIECE.findall(needle or ""), key=len, reverse=True)
            candidates += pieces[:3]
        for candidate in candidates:
            pos = self._find(candidate)
            if pos is not None:
                return pos
        return self.doc.body_offset
