"""The Nu Html Checker (vnu.jar, pinned in tools/audit/package.json) over built HTML files."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from bdhvs.audit import node_tools
from bdhvs.findings import Finding


def check(files: list[Path], *, root: Path | None = None) -> list[Finding]:
    """Errors (not warnings) the checker reports, one Finding per error."""
    if not files:
        return []
    node_tools.ensure_installed()
    cmd = [node_tools.java(), "-Xss2m", "-jar", str(node_tools.VNU_JAR), "--errors-only", "--format", "json",
           *[str(f) for f in files]]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    data = json.loads(proc.stderr or proc.stdout or '{"messages": []}')
    findings = []
    for msg in data.get("messages", []):
        if msg.get("type") != "error":
            continue
        path = Path(msg.get("url", "").removeprefix("file:"))
        name = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else path.as_posix()
        findings.append(Finding(name, msg.get("lastLine", 0), msg.get("firstColumn", 0), "html-invalid",
                                msg.get("message", ""), (msg.get("extract") or "").strip()[:160]))
    return findings
