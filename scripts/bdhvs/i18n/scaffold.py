"""`bdhvs translate <page>`: the Ede file for a Vietnamese page, ready for a translator.

The scaffold keeps the Vietnamese page's structure: front matter (plus a ``translation``
record), headings (with their anchors fixed, so links keep working after the heading
is translated), numbered steps with their numbers, and image/video references, which
point at the SAME shared files in docs/huong-dan/<guide>/ (the relative path is the same
from docs/ede/… as from docs/vi/…). Every Vietnamese paragraph becomes a visible block

    !!! note "Cần dịch"
        <the Vietnamese text>

that the translator replaces with the Ede text. Headings still to translate carry the
class ``.can-dich``. The text is copied exactly: nothing is normalised or "fixed".
"""
from __future__ import annotations

import re

from bdhvs.content.slugs import slugify
from bdhvs.i18n import frontmatter
from bdhvs.i18n.base import source_hash
from bdhvs.i18n.status import TODO_CLASS, TODO_TITLE

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ORDERED = re.compile(r"^(\d+)[.)](\s+)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"`[^`]*`")
_VERBATIM_START = ("--8<--", "*[", "<!--", "[//]:")


def make(vi_text: str, source: str, today: str, translator: str | None = None) -> str:
    page = frontmatter.split(vi_text, f"docs/vi/{source}")
    meta = dict(page.meta)
    translation = {"source": source, "source_hash": source_hash(vi_text), "status": "draft"}
    if translator:
        translation["translator"] = translator
    translation["date"] = today
    meta["translation"] = translation
    return frontmatter.join(meta, scaffold_body(page.body))


def scaffold_body(body: str) -> str:
    out: list[str] = []
    for block in _blocks(body.split("\n")):
        converted = _convert(block)
        if out and out[-1].strip() and converted and converted[0].strip():
            out.append("")  # e.g. a tight numbered list: each step now holds an admonition
        out.extend(converted)
    text = "\n".join(out).rstrip("\n") + "\n"
    return text


def _blocks(lines: list[str]) -> list[list[str]]:
    """Top-level blocks: a non-indented line plus its continuation (indented lines, and
    blank lines followed by indented lines). Fenced code is one block. Blank lines
    between blocks are kept as empty blocks so the spacing stays the same."""
    blocks: list[list[str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            blocks.append([""])
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            j = i + 1
            while j < len(lines) and not lines[j].startswith(fence.group(1)):
                j += 1
            blocks.append(lines[i:j + 1])
            i = j + 1
            continue
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if nxt.strip() and not nxt[0].isspace():
                if _HEADING.match(nxt) or _ORDERED.match(nxt) or _HEADING.match(line):
                    break
                j += 1  # lazy continuation of a paragraph / list / table
                continue
            if not nxt.strip():
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and lines[k][:1].isspace():
                    j = k
                    continue
                break
            j += 1
        blocks.append(lines[i:j])
        i = j
    return blocks


def _translatable(text: str) -> bool:
    text = _IMAGE.sub("", text)
    text = _CODE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = re.sub(r"\{[^}]*\}", "", text)
    return any(ch.isalpha() for ch in text)


def _todo(lines: list[str], indent: str = "") -> list[str]:
    out = [f'{indent}!!! note "{TODO_TITLE}"']
    for line in lines:
        out.append(f"{indent}    {line}" if line.strip() else "")
    return out


def _convert(block: list[str]) -> list[str]:
    first = block[0]
    if not first.strip():
        return [""]
    if _FENCE.match(first) or first.startswith(_VERBATIM_START) or not _translatable("\n".join(block)):
        return block
    heading = _HEADING.match(first)
    if heading and len(block) == 1:
        return [_heading(heading)]
    ordered = _ORDERED.match(first)
    if ordered:
        return _ordered_item(block, ordered)
    return _todo(block)


def _heading(match: re.Match) -> str:
    hashes, text, attrs = match.group(1), match.group(2), match.group(3) or ""
    inner = attrs.strip("{} ")
    parts = inner.split() if inner else []
    if not any(p.startswith("#") for p in parts):
        parts.insert(0, "#" + slugify(text))
    parts.append("." + TODO_CLASS)
    return f"{hashes} {text} {{ {' '.join(parts)} }}"


def _ordered_item(block: list[str], match: re.Match) -> list[str]:
    """``3. text`` + indented sub-paragraphs -> ``3. !!! note "Cần dịch"`` blocks, so
    the step keeps its number and the translator sees what to replace."""
    marker = match.group(1) + "."
    first_text = block[0][match.end():]
    body = [first_text] + [_dedent(line) for line in block[1:]]
    out: list[str] = []
    for n, para in enumerate(_paragraphs(body)):
        if n:
            out.append("")
        if not para:
            continue
        if _translatable("\n".join(para)) and not para[0].startswith(_VERBATIM_START):
            converted = _todo(para)
        else:
            converted = para
        if n == 0:
            out.append(f"{marker} {converted[0]}")
            if converted is not para:
                out.append("")  # Python-Markdown needs it for an admonition opening a list item
            out.extend(("    " + line) if line else "" for line in converted[1:])
        else:
            out.extend(("    " + line) if line else "" for line in converted)
    return out


def _dedent(line: str) -> str:
    if line.startswith("    "):
        return line[4:]
    return line.lstrip(" ") if line.startswith(" ") else line


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Split an item's content at blank lines followed by a non-indented line."""
    paras: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if not line.strip():
            nxt = next((l for l in lines[i + 1:] if l.strip()), None)
            if nxt is not None and not nxt[0].isspace():
                paras.append([])
                continue
        paras[-1].append(line)
    return [[l for l in p] for p in paras if any(l.strip() for l in p)]
