"""Lighthouse (npm, pinned 12.2.3 in tools/package.json) with Debian's Chromium, mobile
profile (Lighthouse's default: simulated slow 4G and a 4x slower CPU).

Nothing leaves the machine: the browser resolves no host but 127.0.0.1, and the
Google Fonts hosts plain Material asks for are blocked (and counted by the page-weight
measurement, not here)."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from bdhvs.audit import node_tools
from bdhvs.browser import CHROMIUM_ARGS

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The shared launch flags, plus: resolve no host but loopback (Lighthouse must not leave
# the machine; plain Material's Google Fonts requests fail fast instead).
CHROME_FLAGS = " ".join(CHROMIUM_ARGS) + " --host-resolver-rules=\"MAP * ~NOTFOUND, EXCLUDE 127.0.0.1\""
BLOCKED = ("*fonts.googleapis.com*", "*fonts.gstatic.com*")


def run(url: str, *, chromium: str = "/usr/bin/chromium") -> dict[str, int]:
    """Scores 0-100 per category for ``url``; failed audits under key ``failed``."""
    node_tools.ensure_installed()
    with tempfile.TemporaryDirectory(prefix="bdhvs-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [node_tools.node(), str(node_tools.LIGHTHOUSE), url, "--quiet", "--output=json",
               f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={CHROME_FLAGS} --user-data-dir={tmp}/profile",
               "--no-enable-error-reporting", *[f"--blocked-url-patterns={p}" for p in BLOCKED]]
        env = dict(os.environ, CHROME_PATH=chromium)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        if not out.exists():
            raise RuntimeError(f"Lighthouse không chạy được cho {url}:\n{proc.stderr[-800:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failed = [key for key, audit in report["audits"].items()
              if audit.get("score") is not None and audit["score"] < 0.9
              and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
    return {**scores, "failed": failed}
