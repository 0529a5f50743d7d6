"""FM-STYLE: a page's front matter not written in the repository's one style
(content/frontstyle.py), the style the browser editor writes too. Reported at the first
line that differs; `bdhvs check --fix` rewrites it (values and body unchanged).

Only the repository's own docs/ are held to it (Options.front_style): test fixtures and
corpora keep the shapes they test."""
from __future__ import annotations

from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document
from bdhvs.content import frontstyle
from bdhvs.findings import Finding


def check(doc: Document) -> list[Finding]:
    if doc.kind != "page" or doc.fm_node is None or "\r" in doc.text:
        return []  # no front matter, unreadable (FM-YAML says why), or Windows line ends (--fix first)
    restyled = frontstyle.restyle(doc.text)
    if restyled is None or not restyled.first_line:
        return []
    line = restyled.first_line
    written = doc.text.split("\n")[line - 1].strip()
    expected = restyled.text.split("\n")[line - 1].strip()
    return [finding(doc.name, line, 1, "FM-STYLE",
                    f"dòng “{written[:60]}” — kiểu chung viết “{expected[:60]}”")]


def fix(text: str) -> tuple[str, int]:
    """(text in the canonical style, first changed line or 0)."""
    if "\r" in text:
        return text, 0
    restyled = frontstyle.restyle(text)
    if restyled is None or not restyled.first_line:
        return text, 0
    return restyled.text, restyled.first_line
