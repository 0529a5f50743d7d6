"""Snippet includes (pymdownx.snippets, ``--8<--``) written by editors.

The site uses the extension for one thing: appending the glossary abbreviations
(data/glossary-abbr.md, set in mkdocs.yml). An include written in a page could pull any
file of the machine, a file of the project that is not meant for citizens, or (with URL
includes) a page from the internet into the site — an iframe, a script. So every
unescaped marker line in a page is a finding, and the build escapes it (``;--8<--`` is
the extension's own escape: the line is shown as written, nothing is included).
The markers follow pymdownx/snippets.py: ``-+8<-+`` alone on a line (block form) or
followed by a quoted file name (inline form); leading ``;`` escapes it.
"""
from __future__ import annotations

import re

from bdhvs.checks.source import Document
from bdhvs.findings import Finding

MARKER = re.compile(r"^([ \t]*)(-+8<-+)(?=(?:[ \t]+(?:\"[^\n]*\"|'[^\n]*'))?[ \t]*\r?$)", re.M)


def findings(doc: Document) -> list[Finding]:
    out = []
    for m in MARKER.finditer(doc.text, doc.body_offset):
        rest = doc.text[m.end():doc.text.find("\n", m.end()) if "\n" in doc.text[m.end():] else len(doc.text)]
        target = rest.strip().strip("\"'")
        what = f"tệp “{target[:60]}”" if target else "các tệp ghi ở các dòng sau"
        out.append(doc.at(m.start(2), "HTML-SNIPPET",
                          f"Dòng “{m.group(2)}” chèn nội dung của {what} vào trang: trang chỉ được chứa nội dung viết ở đây"))
    return out


def neutralize(markdown: str) -> str:
    """The same text with every include marker escaped (shown as written, nothing included)."""
    return MARKER.sub(lambda m: f"{m.group(1)};{m.group(2)}", markdown)
