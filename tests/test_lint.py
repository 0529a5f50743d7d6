"""The Python linter (ruff, pinned in requirements.txt, configured in pyproject.toml) finds
nothing in the project's code: unused imports and variables, undefined names, syntax that
only works by accident. Run by `make test`; `ruff check --fix scripts tests` repairs most."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           "scripts", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
