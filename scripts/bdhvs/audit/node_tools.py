"""The pinned Node tools (tools/package.json + package-lock.json): Lighthouse, the Nu
Html Checker (vnu-jar) and the browser editor (Decap CMS bundle + decap-server, bdhvs.cms). Installed with `npm ci` into tools/node_modules the first time
they are needed (a clean clone has none); after that everything runs offline."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bdhvs import settings

TOOLS_DIR = settings.ROOT / "tools"
NODE_MODULES = TOOLS_DIR / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
DECAP = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"


class ToolMissing(RuntimeError):
    """A system program (node, npm, java) is not installed; the message says how to fix it."""


def _installed_lock() -> Path:
    return NODE_MODULES / ".package-lock.json"


def ensure_installed() -> None:
    """Run `npm ci` when tools/node_modules is missing or older than the lock file."""
    lock = TOOLS_DIR / "package-lock.json"
    marker = _installed_lock()
    wanted = (VNU_JAR, LIGHTHOUSE, DECAP, DECAP_SERVER)
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime and all(p.exists() for p in wanted):
        return
    npm = shutil.which("npm")
    if not npm:
        raise ToolMissing("Không tìm thấy npm (Node.js). Cài: apt-get install npm (hoặc Node.js ≥ 20), rồi chạy lại.")
    # --ignore-scripts: nothing downloads a browser; Debian's chromium is used instead.
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=TOOLS_DIR, check=True)
    marker.touch()


def java() -> str:
    path = shutil.which("java")
    if not path:
        raise ToolMissing("Không tìm thấy Java (cần cho Nu Html Checker). Cài: apt-get install default-jre-headless.")
    return path


def node() -> str:
    path = shutil.which("node")
    if not path:
        raise ToolMissing("Không tìm thấy Node.js. Cài: apt-get install nodejs (≥ 18.16) hoặc Node.js 20.")
    return path
