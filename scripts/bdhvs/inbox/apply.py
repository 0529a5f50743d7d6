"""Write a package's changes on a new branch, in a temporary git worktree, so the
editor's own checkout (and its uncommitted work) is never touched. The written files go
through `bdhvs check` (without a site build) before the commit: any error removes the
worktree and the branch, nothing is left behind. A pull request is opened only where
`gh` is installed and the branch could be pushed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bdhvs.inbox.changes import Changes
from bdhvs.inbox.package import PackageError

AUTHOR = ["-c", "user.name=bdhvs inbox", "-c", "user.email=inbox@bdhvs.invalid"]


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=check)


def repository(root: Path) -> None:
    if git(root, "rev-parse", "--verify", "HEAD", check=False).returncode != 0:
        raise PackageError([f"{root} không phải kho git có commit. Cách sửa: chạy lệnh trong thư mục dự án."])


def _findings(worktree: Path, files: list[str]) -> list:
    from bdhvs.checks import runner
    from bdhvs.media import audio

    options = runner.Options(root=worktree, docs_dir=worktree / "docs", data_dir=worktree / "data", style=True)
    wanted = [worktree / f for f in files if f.startswith(("docs/", "data/")) and not f.endswith(".opus")
              and (worktree / f).exists()]
    found = [f for f in (runner.check_paths(wanted, options) if wanted else []) if f.severity == "error"]
    for f in files:
        if f.endswith(".opus") and (worktree / f).exists():
            found += audio.check(worktree / f, root=worktree)
    return found


def _check(worktree: Path, changes: Changes) -> list[str]:
    """Errors of `bdhvs check` in the written files that the files did not have before
    (the version at HEAD, or ``changes.baseline``), compared by code and message."""
    files = list(changes.files)
    for rel, data in changes.baseline.items():
        (worktree / rel).parent.mkdir(parents=True, exist_ok=True)
        (worktree / rel).write_bytes(data)
    before = {(f.file, f.code, f.message) for f in _findings(worktree, files)}
    for rel, data in changes.files.items():
        target = worktree / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return [f.human() for f in _findings(worktree, files) if (f.file, f.code, f.message) not in before]


def commit(root: Path, changes: Changes, message: str) -> str:
    """Branch + commit; returns the commit id. Raises PackageError (nothing left) on failure."""
    repository(root)
    if git(root, "rev-parse", "--verify", f"refs/heads/{changes.branch}", check=False).returncode == 0:
        raise PackageError([f"đã có nhánh {changes.branch}: gói này đã được nhận rồi."])
    tmp = Path(tempfile.mkdtemp(prefix="bdhvs-inbox-"))
    worktree = tmp / "wt"
    created = False
    try:
        git(root, "worktree", "add", "-q", "-b", changes.branch, str(worktree), "HEAD")
        created = True
        problems = _check(worktree, changes)
        if problems:
            raise PackageError(["sau khi ghi thử, `bdhvs check` báo lỗi:", *problems])
        git(worktree, "add", "--", *changes.files)
        git(worktree, *AUTHOR, "commit", "-q", "-m", message)
        return git(worktree, "rev-parse", "HEAD").stdout.strip()
    except BaseException:
        if created:
            git(root, "worktree", "remove", "--force", str(worktree), check=False)
            git(root, "branch", "-D", changes.branch, check=False)
        raise
    finally:
        if created and worktree.exists():
            git(root, "worktree", "remove", "--force", str(worktree), check=False)
        git(root, "worktree", "prune", check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def pull_request(root: Path, changes: Changes, body: str) -> str | None:
    """The pull request's address, or None (no `gh`, no remote, or it failed: said by the caller)."""
    if not shutil.which("gh") or not git(root, "remote", check=False).stdout.strip():
        return None
    if git(root, "push", "-q", "-u", "origin", changes.branch, check=False).returncode != 0:
        return None
    proc = subprocess.run(["gh", "pr", "create", "--head", changes.branch, "--title", changes.title, "--body", body],
                          cwd=root, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else None
