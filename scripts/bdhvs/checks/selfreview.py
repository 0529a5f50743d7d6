"""No self-approval: an Ede translation marked ``reviewed`` by its own translator
(FM-SELF-REVIEW, on the reviewer's line). The build does not publish it either
(bdhvs.i18n.publishing.is_public): a review is a second Ede speaker's act."""
from __future__ import annotations

from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document, node_at
from bdhvs.findings import Finding
from bdhvs.i18n import publishing


def check(doc: Document) -> list[Finding]:
    if doc.kind != "page" or doc.fm_node is None or not isinstance(doc.meta, dict):
        return []
    info = doc.meta.get("translation")
    if not isinstance(info, dict) or info.get("status") != "reviewed" or not publishing.self_reviewed(info):
        return []
    node, key = node_at(doc.fm_node, ["translation", "reviewer"])
    mark = (key or node or doc.fm_node).start_mark
    line = doc.pos(doc.fm_offset)[0] - 1 + mark.line + 1
    return [finding(doc.name, line, mark.column + 1, "FM-SELF-REVIEW",
                    f"translation.reviewer “{info.get('reviewer')}” cũng là người dịch (translation.translator)")]
