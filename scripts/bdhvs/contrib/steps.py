"""The numbered steps of a guide, as plain text.

Used by the contributors' phone pages (the list of guides with their steps is embedded
at build time) and by `bdhvs inbox` (which step an Ede text or a recording belongs to).
Step N is the N-th top-level numbered item of the guide (all sections, in order); its
text is the item's first paragraph with Markdown marks removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bdhvs.content.guides import GUIDE_DIR, heading_of, read_guide

_ITEM = re.compile(r"^(\d+)[.)]\s+(.*)$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|`|<[^>]+>|\{[^}]*\}")


@dataclass(frozen=True)
class GuideSteps:
    slug: str
    title: str
    steps: tuple[str, ...]


def plain(markdown: str) -> str:
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _MARKS.sub("", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Item:
    """A top-level numbered item: lines [start, end) of the body, 0-based."""
    start: int
    end: int
    section: str
    first: str  # the first paragraph, Markdown


_FENCE = re.compile(r"^(`{3,}|~{3,})")


def items(body: str) -> list[Item]:
    """Every top-level numbered item of a page body, in order, outside code fences. Steps
    are numbered 1..N across the whole guide (a guide may have several step sections)."""
    lines = body.split("\n")
    out: list[Item] = []
    section, fence, i = "", None, 0
    while i < len(lines):
        line = lines[i]
        fenced = _FENCE.match(line)
        if fenced:
            fence = None if fence == fenced.group(1) else (fence or fenced.group(1))
            i += 1
            continue
        if fence:
            i += 1
            continue
        if line.startswith("## "):
            section = line[3:].split("{")[0].strip()
        match = _ITEM.match(line)
        if not match:
            i += 1
            continue
        first = [match.group(2)]
        j, in_first = i + 1, True
        while j < len(lines):
            nxt = lines[j]
            if nxt.strip() and not nxt[0].isspace():
                if _ITEM.match(nxt) or nxt.startswith("#") or not in_first:
                    break
                first.append(nxt)  # lazy continuation
            elif not nxt.strip():
                in_first = False
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k >= len(lines) or not lines[k][:1].isspace():
                    break
            elif in_first:
                first.append(nxt.strip())
            j += 1
        out.append(Item(i, j, section, " ".join(first)))
        i = j
    return out


def steps_of(body: str) -> list[str]:
    return [plain(item.first) for item in items(body)]


def load(lang_dir: Path, slug: str) -> GuideSteps | None:
    found = read_guide(lang_dir, slug)
    if found is None:
        return None
    meta, body = found
    return GuideSteps(slug, heading_of(body) or str(meta.get("title") or slug), tuple(steps_of(body)))


def load_all(lang_dir: Path) -> list[GuideSteps]:
    out = []
    for path in sorted((Path(lang_dir) / GUIDE_DIR).glob("*.md")):
        guide = load(lang_dir, path.stem)
        if guide is not None:
            out.append(guide)
    return out
