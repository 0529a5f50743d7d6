"""Run one hostile or clumsy input through BOTH roads an editor's file takes — `bdhvs check`
and `mkdocs build --strict` — exactly as a person runs them (subprocesses), and report what
each said and what reached the built site.

A case is a folder `cases/<family>/<name>/` holding
  - `tree/`: files laid over a small fixture project (docs/…, data/…), bytes as they are;
  - `case.yml`:
        why: what an editor or attacker did (one line)
        expect: ["docs/vi/huong-dan/x.md:3 CODE", …]   # reported by check AND build
        check_only: ["data/x.yml:2 CODE"]               # (rare) reported by check only, say why
        absent: ["payload text", …]                      # never in any file of site/
        symlinks: {"docs/vi/x.md": "/proc/self/environ"} # links git cannot carry portably
        build_ok: false                                  # default: true when every expected
                                                         # finding is a warning
A finding is matched on the printed `file:line:col  CODE  message` line (findings.Finding.human):
path relative to the project root, the line number, the code. Every run must be free of Python
tracebacks, whatever the input.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
sys.path.insert(0, str(HERE.parent / "content"))
sys.path.insert(0, str(HERE.parent))

from guidesite import make_project  # noqa: E402  (the tests' small fixture project)

TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\w*Error: .*\n?\Z", re.M)
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUTF8="1")
# The deploy job's secret must never be readable by a build (issue #21): a canary stands in for it.
CANARY = "BDHVS_CANARY_SECRET_5f1d2c"


@dataclass
class Case:
    family: str
    name: str
    path: Path
    why: str
    expect: list[str]
    check_only: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    symlinks: dict[str, str] = field(default_factory=dict)
    build_ok: bool | None = None

    @property
    def id(self) -> str:
        return f"{self.family}/{self.name}"


def load_cases() -> list[Case]:
    cases = []
    for spec in sorted(CASES.glob("*/*/case.yml")):
        data = yaml.safe_load(spec.read_text(encoding="utf-8")) or {}
        cases.append(Case(spec.parent.parent.name, spec.parent.name, spec.parent, data.get("why", ""),
                          list(data.get("expect") or []), list(data.get("check_only") or []),
                          list(data.get("absent") or []), dict(data.get("symlinks") or {}),
                          data.get("build_ok")))
    return cases


@dataclass
class Outcome:
    project: Path
    site: Path
    check_code: int
    check_output: str
    build_code: int
    build_output: str

    def site_files(self) -> list[Path]:
        if not self.site.exists():
            return []
        return [p for p in self.site.rglob("*") if p.is_file() or p.is_symlink()]

    def published(self, payload: str) -> list[str]:
        """Files of site/ whose bytes contain the payload (as UTF-8 or HTML-escaped)."""
        needle = payload.encode("utf-8")
        hits = []
        for file in self.site_files():
            try:
                data = file.read_bytes()
            except OSError:
                hits.append(f"{file} (unreadable link)")
                continue
            if needle in data:
                hits.append(str(file.relative_to(self.site)))
        return hits


def lay(case: Case, base: Path) -> Path:
    project = make_project(base / "project")
    for source in sorted((case.path / "tree").rglob("*")) if (case.path / "tree").exists() else []:
        target = project / source.relative_to(case.path / "tree")
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        shutil.copyfile(source, target)
    for rel, dest in case.symlinks.items():
        link = project / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_dir() and not link.is_symlink():
            shutil.rmtree(link)  # a folder of the fixture replaced by a link
        elif link.exists() or link.is_symlink():
            link.unlink()
        link.symlink_to(dest)
    return project


def run(case: Case, base: Path) -> Outcome:
    project = lay(case, base)
    env = dict(ENV, **{CANARY: "leaked-" + CANARY})
    check = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs"],
                           cwd=project, env=env, capture_output=True, text=True, errors="replace")
    site = base / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f",
                            str(project / "mkdocs.yml"), "-d", str(site)],
                           cwd=project, env=env, capture_output=True, text=True, errors="replace")
    return Outcome(project, site, check.returncode, check.stdout + check.stderr,
                   build.returncode, build.stdout + build.stderr)


def reported(output: str, expected: str) -> bool:
    """`expected` is "path:LINE CODE"; true when a printed finding line says exactly that."""
    where, code = expected.rsplit(" ", 1)
    path, line = where.rsplit(":", 1)
    pattern = re.compile(rf"(^|\s){re.escape(path)}:{line}:\d+\s+{re.escape(code)}\s", re.M)
    return bool(pattern.search(output))


def tracebacks(output: str) -> bool:
    return "Traceback (most recent call last)" in output
