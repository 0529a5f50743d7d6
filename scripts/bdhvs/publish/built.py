"""Markup the BUILD writes into a page at the Markdown stage (the home's emergency buttons and
search field, the audience sections), marked so that the URL and HTML policy — which judges
what editors wrote (urls/feature.py) — leaves it alone.

The mark carries a random number drawn once per build and never published (the policy's pass
takes the marks out), so an editor cannot forge it; what is inside is made from data files
that went through the gate and is escaped where it is written.
"""
from __future__ import annotations

import re
import secrets

NONCE = secrets.token_hex(12)
_OPEN, _CLOSE = f"<!--bdhvs-built {NONCE}-->", f"<!--/bdhvs-built {NONCE}-->"
_REGION = re.compile(re.escape(_OPEN) + r"(.*?)" + re.escape(_CLOSE), re.S)
_SLOT = re.compile(r"<!--bdhvs-slot (\d+) " + NONCE + r"-->")


def wrap(markdown: str) -> str:
    """A Markdown block (raw HTML, md_in_html) marked as the build's own."""
    return f"{_OPEN}\n\n{markdown}\n\n{_CLOSE}\n"


def cut(html: str) -> tuple[str, list[str]]:
    """The page without the build's regions (each left as a numbered slot comment), and the regions."""
    parts: list[str] = []

    def keep(match: re.Match) -> str:
        parts.append(match.group(1))
        return f"<!--bdhvs-slot {len(parts) - 1} {NONCE}-->"

    return _REGION.sub(keep, html), parts


def restore(html: str, parts: list[str]) -> str:
    """Put the build's regions back, without their marks."""
    return _SLOT.sub(lambda m: parts[int(m.group(1))], html)
