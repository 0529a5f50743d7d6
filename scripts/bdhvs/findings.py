"""One findings format for every check: file, line, column, stable code, Vietnamese
message and a fix hint. Formatters for people (terminal) and for GitHub Actions."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: str = field(default=ERROR, compare=False)

    def human(self) -> str:
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.file}:{self.line}:{self.col}  {self.code}  {self.message}{hint}"

    def github(self) -> str:
        text = f"{self.code} {self.message}" + (f" — {self.hint}" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.file},line={self.line},col={self.col}::{text}"


def relative(path: Path | str, root: Path | None = None) -> str:
    path = Path(path)
    root = root or Path.cwd()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def report(findings: Iterable[Finding], *, stream=None, github: bool | None = None) -> int:
    """Print findings (sorted) and return how many are errors."""
    import sys

    stream = stream or sys.stdout
    github = os.environ.get("GITHUB_ACTIONS") == "true" if github is None else github
    items = sorted(findings)
    for item in items:
        print(item.human(), file=stream)
    if github:
        for item in items:
            print(item.github(), file=stream)
    return sum(1 for item in items if item.severity == ERROR)
