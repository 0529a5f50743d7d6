"""Check 9: Markdown style with pymarkdownlnt and the agreed rule set in .pymarkdown.json
(default rules minus those that conflict with MkDocs/Material syntax; see
docs-dev/checks.md). Findings are converted to the project's format; rules without a
Vietnamese entry in codes.py are reported as MD-OTHER with the rule name."""
from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path

from bdhvs import settings
from bdhvs.checks.codes import CODES
from bdhvs.checks.source import Document
from bdhvs.findings import Finding

CONFIG = settings.ROOT / ".pymarkdown.json"


def _api(config: Path):
    from pymarkdown.api import PyMarkdownApi

    api = PyMarkdownApi()
    if config.exists():
        api.configuration_file_path(str(config))
    return api


def _neutral_front_matter(doc: Document) -> str:
    """The page with its front matter replaced line for line by harmless YAML: the
    front matter is checked by FM-* codes, and broken YAML must not crash the linter."""
    if not doc.body_offset:
        return doc.text
    head = doc.text[:doc.body_offset]
    lines = head.split("\n")
    inner = [f"k{i}: 1" for i in range(1, len(lines) - 2)]
    return "\n".join(["---", *inner, "---", ""]) + doc.text[doc.body_offset:]


logging.getLogger("pymarkdown").setLevel(logging.CRITICAL + 1)


def check(doc: Document, config: Path | None = None) -> list[Finding]:
    if doc.kind not in ("page", "markdown"):
        return []
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            result = _api(config or CONFIG).scan_string(_neutral_front_matter(doc))
    except Exception as exc:  # noqa: BLE001 - a linter crash must not hide the other checks
        return [doc.at(0, "MD-OTHER", f"Trình kiểm tra Markdown không đọc được tệp ({exc.__class__.__name__})")]
    out = []
    for failure in result.scan_failures:
        rule = failure.rule_id.upper()
        line, col = failure.line_number, failure.column_number
        offset = doc.lines.offset(line, col) if line >= 1 else 0
        info = (failure.extra_error_information or "").strip().strip("[]").strip()
        extra = f" ({info})" if info else ""
        if rule in CODES:
            out.append(doc.at(offset, rule, CODES[rule].title + extra))
        else:
            out.append(doc.at(offset, "MD-OTHER", f"{rule} ({failure.rule_name}): {failure.rule_description}{extra}"))
    return out
