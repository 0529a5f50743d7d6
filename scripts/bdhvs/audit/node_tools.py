"""The pinned Node tools, in two sets with their own package.json + package-lock.json, so
that each task installs only what it uses (previewing the site installs none):

- ``tools/audit/``: Lighthouse and the Nu Html Checker (vnu-jar), for `make test` only;
- ``tools/cms/``: the browser editor (Decap CMS bundle + decap-server, bdhvs.cms), for
  `make cms` and the editor tests.

Each set is installed with `npm ci` into its own node_modules the first time it is needed
(a clean clone has none); after that everything runs offline."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bdhvs import settings

TOOLS_DIR = settings.ROOT / "tools"


@dataclass(frozen=True)
class NodeSet:
    """One folder of pinned Node packages and the files that show it is installed."""

    name: str  # what it is for, in Vietnamese (error messages)
    folder: Path
    wanted: tuple[str, ...]  # paths inside node_modules

    @property
    def node_modules(self) -> Path:
        return self.folder / "node_modules"

    def path(self, rel: str) -> Path:
        return self.node_modules / rel

    def installed(self) -> bool:
        marker = self.node_modules / ".package-lock.json"
        lock = self.folder / "package-lock.json"
        return (marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime
                and all(self.path(rel).exists() for rel in self.wanted))


AUDIT = NodeSet("công cụ kiểm tra (Lighthouse, Nu Html Checker)", TOOLS_DIR / "audit",
                ("vnu-jar/build/dist/vnu.jar", "lighthouse/cli/index.js"))
CMS = NodeSet("trình biên tập (Decap CMS)", TOOLS_DIR / "cms",
              ("decap-cms/dist/decap-cms.js", "decap-server/dist/index.js", "js-yaml/dist/js-yaml.min.js"))

VNU_JAR = AUDIT.path("vnu-jar/build/dist/vnu.jar")
LIGHTHOUSE = AUDIT.path("lighthouse/cli/index.js")
DECAP = CMS.path("decap-cms/dist/decap-cms.js")
DECAP_SERVER = CMS.path("decap-server/dist/index.js")


class ToolMissing(RuntimeError):
    """A system program (node, npm, java) is not installed, or `npm ci` failed; the message
    says how to fix it (one Vietnamese line)."""


def npm_ci_command(npm: str = "npm") -> list[str]:
    # --ignore-scripts: nothing downloads a browser; Debian's chromium is used instead.
    return [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]


def ensure_installed(node_set: NodeSet = AUDIT) -> None:
    """Run `npm ci` in the set's folder when its node_modules is missing or older than its lock."""
    if node_set.installed():
        return
    npm = shutil.which("npm")
    if not npm:
        raise ToolMissing(f"Không tìm thấy npm (Node.js) để cài {node_set.name}. "
                          "Cài Node.js ≥ 20 (Debian/Ubuntu: apt-get install npm), rồi chạy lại.")
    try:
        rel = node_set.folder.relative_to(settings.ROOT).as_posix()
    except ValueError:
        rel = str(node_set.folder)
    try:
        proc = subprocess.run(npm_ci_command(npm), cwd=node_set.folder)
    except OSError as exc:
        raise ToolMissing(f"Không chạy được npm ({exc}).") from None
    if proc.returncode != 0 or not all(node_set.path(rel_).exists() for rel_ in node_set.wanted):
        raise ToolMissing(f"Chưa cài được {node_set.name}: kiểm tra kết nối mạng tới registry.npmjs.org "
                          f"(hoặc proxy trong ~/.npmrc), rồi chạy 'cd {rel} && npm ci --ignore-scripts' "
                          "để xem lỗi.")
    (node_set.node_modules / ".package-lock.json").touch()


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
