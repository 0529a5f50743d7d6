"""Read and write the YAML front matter of a Markdown page, with Vietnamese errors.

The translation tools and `bdhvs inbox` write front matter through here, in the
repository's one style (content/frontstyle.py). They never touch the
Markdown body and never normalise letters: Ede ê̆ ô̆ ơ̆ ư̆ stay base letter + U+0306.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bdhvs.content import frontstyle
from bdhvs.inputs import yamlsafe

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)


class PageError(Exception):
    """A problem with an editor's file, explained in Vietnamese."""

    def __init__(self, path: Path | str, message: str, line: int = 1):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message


@dataclass
class Page:
    meta: dict
    body: str
    front_text: str  # the raw YAML (empty when the page has none)


def split(text: str, path: Path | str = "<trang>") -> Page:
    match = _FRONT.match(text)
    if not match:
        return Page({}, text, "")
    parsed = yamlsafe.parse(match.group(1), aliases_allowed=False)  # the gate's YAML reader
    if not parsed.usable:
        problem = parsed.problems[0]
        raise PageError(path, f"phần đầu trang (front matter, giữa hai dòng ---): {problem.message}. "
                              f"{problem.hint}", problem.line + 1)
    meta = parsed.data or {}
    if not isinstance(meta, dict):
        raise PageError(path, "phần đầu trang (front matter) phải là các dòng 'khoá: giá trị'.")
    return Page(meta, text[match.end():], match.group(1))


def read(path: Path) -> Page:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PageError(path, "tệp không phải UTF-8. Hãy lưu lại tệp với mã hoá UTF-8.") from None
    return split(text, path)


def dump(meta: dict) -> str:
    """In the repository's one front-matter style (content/frontstyle.py)."""
    return frontstyle.dump(meta)


def join(meta: dict, body: str) -> str:
    return frontstyle.join(meta, body)


def write_meta(path: Path, meta: dict) -> None:
    """Replace the front matter of ``path``, keeping its body byte for byte."""
    page = read(path)
    path.write_text(join(meta, page.body), encoding="utf-8")
