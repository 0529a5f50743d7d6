"""The ONE way front matter is written in this repository (issue 25).

Every writer uses it: `bdhvs check --fix`, `bdhvs new`, `bdhvs translate`, `bdhvs inbox`,
and the browser editor (`/admin/`, Decap CMS), whose custom format ``bdhvs-frontmatter``
(scripts/bdhvs/cms/admin.js, ``frontStyle``) follows the same rules with the key order
below (handed to it in /admin/index.html). So opening a page in the editor and saving it
changes nothing that was not changed, and a diff shows only real edits.

The style, small on purpose so that two writers (Python here, JavaScript in the editor)
can agree byte for byte (tests/cms/test_front_style.py runs both on every page):

- ``---`` line, one ``key: value`` per line, ``---`` line, then the body exactly as it was;
- keys in a fixed order (KEY ORDER below; keys not listed after them, A to Z);
- lists always as block lists, indented two spaces under their key (``  - item``);
  a mapping in a list starts on the dash line (``  - title: …``);
- a text value is written bare when that is safe for every YAML reader (it starts with a
  letter, is not a word such as ``yes``/``no``/``true``/``null``, has no ``: `` or `` #``,
  no line break, no space at either end; a date 2026-11-25 is written bare too),
  otherwise between double quotes with ``\\`` ``\\"`` ``\\n`` ``\\t`` ``\\r`` and ``\\uXXXX``
  escapes; letters are never escaped or normalised (Ede ê̆ stays e + U+0306);
- whole numbers and true/false bare; no line is ever folded, however long;
- empty values (nothing, ``""``, an empty list or mapping) are not written: they mean
  "not filled in" (the browser editor leaves them behind when a box is cleared).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_HEAD = ["title", "description", "page_type"]
_GUIDE = ["audience", "platform", "plan_task", "time_minutes", "prerequisites", "risks"]
_LESSON = ["plan_task", "audience", "goal", "guides", "bring", "practice", "role_play", "check"]
_TAIL = ["hide", "search", "audio", "tags", "recheck", "sources", "self_check", "last_reviewed", "review",
         "translation"]


def _merge(*parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        out += [k for k in part if k not in out]
    return out


# Top-level order: a lesson names its plan task first; every other page as a guide.
TOP_ORDER = {
    "lesson": _merge(_HEAD, _LESSON, _GUIDE, _TAIL),
    "*": _merge(_HEAD, _GUIDE, _LESSON, _TAIL),
}
# Order inside nested mappings, by where they sit ("sources[]": an item of `sources`).
NESTED_ORDER = {
    "sources[]": ["title", "publisher", "url", "date", "published", "note"],
    "review": ["status", "reviewer", "date"],
    "translation": ["source", "source_hash", "status", "translator", "reviewer", "date"],
    "self_check[]": ["question", "answers", "explain"],
    "self_check[].answers[]": ["text", "correct"],
    "guides[]": ["guide", "minutes", "focus"],
    "check[]": ["question", "answer", "guide"],
}


def order_table() -> dict:
    """The key order as the browser editor receives it (JSON in /admin/index.html)."""
    return {"top": TOP_ORDER, "nested": NESTED_ORDER}


# Characters a bare value may not hold, escaped inside double quotes as \uXXXX (plus the
# short escapes). Line breaks of any YAML version are among them.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_EDGE_SPACE = "[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_EDGES = re.compile(f"^{_EDGE_SPACE}|{_EDGE_SPACE}$")
_WORDS = re.compile(r"^(?:y|n|yes|no|on|off|true|false|null)$", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _bare_ok(text: str) -> bool:
    if not text or _SPECIAL.search(text) or _EDGES.search(text):
        return False
    if _DATE.match(text):
        return True
    first = text[0]
    if not ("A" <= first <= "Z" or "a" <= first <= "z" or (first > "\x7f" and first.isalpha())):
        return False
    return not (_WORDS.match(text) or ": " in text or " #" in text or text.endswith(":"))


def quote(text: str) -> str:
    out = []
    for ch in text:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif _SPECIAL.match(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return quote(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _bare_ok(text) else quote(text)


def _key(key) -> str:
    text = str(key)
    return text if _KEY.match(text) and not _WORDS.match(text) else quote(text)


def _empty(value) -> bool:
    return value is None or value == "" or (isinstance(value, (list, dict)) and not value)


def clean(value):
    """The value without its empty parts (see the module's rules)."""
    if isinstance(value, dict):
        kept = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if not _empty(v)}
    if isinstance(value, list):
        kept = [clean(v) for v in value]
        return [v for v in kept if not _empty(v)]
    return value


def _ordered(mapping: dict, order: list[str]) -> list:
    known = [k for k in order if k in mapping]
    rest = sorted((k for k in mapping if k not in order), key=str)
    return known + rest


def _mapping(mapping: dict, path: str, indent: str, top_order: list[str] | None = None) -> list[str]:
    order = top_order if top_order is not None else NESTED_ORDER.get(path, [])
    lines: list[str] = []
    for key in _ordered(mapping, order):
        value = mapping[key]
        child = f"{path}.{key}" if path else str(key)
        lines += _entry(_key(key), value, child, indent)
    return lines


def _entry(label: str, value, path: str, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{label}:", *_mapping(value, path, indent + "  ")]
    if isinstance(value, list):
        return [f"{indent}{label}:", *_sequence(value, path + "[]", indent + "  ")]
    return [f"{indent}{label}: {scalar(value)}"]


def _sequence(items: list, path: str, indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            inner = _mapping(item, path, indent + "  ")
            lines += [indent + "- " + inner[0][len(indent) + 2:], *inner[1:]]
        elif isinstance(item, list):
            lines += [f"{indent}-", *_sequence(item, path + "[]", indent + "  ")]
        else:
            lines.append(f"{indent}- {scalar(item)}")
    return lines


def dump(meta: dict) -> str:
    """The front matter's lines (without the ``---`` lines), each ending in a newline."""
    meta = clean(meta)
    top = TOP_ORDER["lesson" if meta.get("page_type") == "lesson" else "*"]
    lines = _mapping(meta, "", "", top)
    return "".join(line + "\n" for line in lines)


def join(meta: dict, body: str) -> str:
    """A whole page: front matter in the canonical style, then ``body`` untouched. A page
    without any front-matter value is its body alone."""
    head = dump(meta)
    return ("---\n" + head + "---\n" + body) if head else body


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.S | re.M)


@dataclass
class Restyled:
    text: str  # the page in the canonical style (the same text when it already was)
    first_line: int  # first line of the file that differs (0: none)


def restyle(text: str) -> Restyled | None:
    """The page with its front matter in the canonical style, the body byte for byte.
    None when the page has no front matter or it cannot be read (other checks say why)."""
    from bdhvs.inputs import yamlsafe

    match = _FRONT.match(text)
    if not match:
        return None
    parsed = yamlsafe.parse(match.group(1), aliases_allowed=False)
    if not parsed.usable or parsed.problems or not isinstance(parsed.data, dict):
        return None
    new = join(parsed.data, text[match.end():])
    return Restyled(new, _first_difference(text, new))


def _first_difference(old: str, new: str) -> int:
    if old == new:
        return 0
    for i, (a, b) in enumerate(zip(old.split("\n"), new.split("\n"))):
        if a != b:
            return i + 1
    return min(old.count("\n"), new.count("\n")) + 1
