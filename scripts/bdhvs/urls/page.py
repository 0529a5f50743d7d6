"""What ``bdhvs check`` and the build both run on one page, beyond the Markdown-level link
and raw-HTML checks (checks.linksafety, checks.htmlsafety): snippet includes, and the
policy over the rendered HTML, reported at the Markdown file:line.

A line that the Markdown-level checks already flagged (an HTML-… or URL-… finding) is not
reported twice; the rendered pass still removes what it found there from the build.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs.checks.source import Document
from bdhvs.findings import Finding
from bdhvs.urls import render, rendered, snippets
from bdhvs.urls.locate import Locator

FAMILIES = ("HTML-", "URL-")


def rendered_findings(doc: Document, html: str, data, already: list[Finding], *, clean: bool = False
                      ) -> tuple[list[Finding], str]:
    problems, cleaned = rendered.scan(html, data, clean=clean)
    flagged = {f.line for f in already if f.code.startswith(FAMILIES)}
    locator = Locator(doc)
    out, seen = [], set()
    for problem in problems:
        finding = doc.at(locator.offset(problem.needles), problem.code, problem.message, problem.hint,
                         severity=problem.severity)
        if finding.line in flagged or (finding.line, finding.code) in seen:
            continue
        seen.add((finding.line, finding.code))
        out.append(finding)
    return out, cleaned


# Python-Markdown is quadratic on some junk: the "[" or "<" of one paragraph (4,000 "[" take
# 15 s), thousands of fence lines. A page like that (other checks report it) is not rendered
# by the check, which must stay fast in pre-commit; the build renders it anyway and its
# rendered pass still removes whatever it finds.
MAX_MARKS_PER_PARAGRAPH = 300
MAX_FENCES = 400
MAX_BODY = 150_000


def _pathological(body: str) -> bool:
    if len(body) > MAX_BODY or body.count("```") + body.count("~~~") > MAX_FENCES:
        return True
    if body.count("[") <= MAX_MARKS_PER_PARAGRAPH and body.count("<") <= MAX_MARKS_PER_PARAGRAPH:
        return False
    return any(part.count("[") > MAX_MARKS_PER_PARAGRAPH or part.count("<") > MAX_MARKS_PER_PARAGRAPH
               for part in body.split("\n\n"))


def check(doc: Document, data, root: Path, already: list[Finding]) -> list[Finding]:
    """For ``bdhvs check``: snippet includes, then the page rendered as the build renders it."""
    if doc.kind not in ("page", "markdown"):
        return []
    out = snippets.findings(doc)
    if _pathological(doc.body):
        return out
    html = render.render(snippets.neutralize(doc.body), root)
    found, _ = rendered_findings(doc, html, data, already + out)
    return out + found
