"""Helpers for the editor tests: a COPY of the project (the tests never write into the
repository), built with /admin/ pointing at a local decap-server on 127.0.0.1.
(Not named conftest.py: tests import PHONE etc. from the top-level conftest.)"""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from conftest import ROOT, build_site, write_fixture_config
from bdhvs.cms import bundle


def require_bundle():
    import pytest

    if not bundle.available() or not bundle.proxy_script().is_file():
        pytest.fail("Decap CMS is not installed in tools/cms/node_modules: run `cd tools/cms && npm ci --ignore-scripts` "
                    "(`make test` and `make cms` do it).")


@dataclass
class Project:
    root: Path
    config: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def build(self, proxy_url: str, dest: Path | None = None, env: dict | None = None):
        dest = dest or self.root / "site"
        return build_site(dest, env={"BDHVS_CMS_PROXY_URL": proxy_url, **(env or {})}, config=self.config)

    def check(self, *paths: Path) -> subprocess.CompletedProcess:
        """`bdhvs check` on files of the copy (links are checked by the strict build instead)."""
        return subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", str(self.docs),
                               *map(str, paths or [self.docs])], capture_output=True, text=True, cwd=self.root)


def copy_project(dest: Path) -> Project:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    return Project(dest, write_fixture_config(dest))


def screenshot_png(path: Path) -> Path:
    """A small test PNG (a flat 'screen'; nothing personal in it)."""
    img = Image.new("RGB", (360, 640), (240, 240, 240))
    for y in range(100, 160):
        for x in range(40, 320):
            img.putpixel((x, y), (30, 90, 200))
    img.save(path)
    return path


# Runs before any page script: records every Content-Security-Policy violation.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
}, true);
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")
