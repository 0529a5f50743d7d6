"""`bdhvs cms --git`: what decap-server's git mode needs from the folder, said in
Vietnamese before it fails. decap-server checks out and rebases a `cms/<collection>/<slug>`
branch on every save; with uncommitted changes in the folder that fails with
"API_ERROR: Unknown error" and leaves the branch behind, empty, blocking that guide.
So: refuse a folder with uncommitted changes (one line), and remove `cms/…` branches that
hold no commit of their own (before starting and when stopping)."""
from __future__ import annotations

import subprocess
from pathlib import Path

PREFIX = "cms/"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def current_branch(root: Path) -> str:
    return _git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()


def dirty_files(root: Path) -> list[str]:
    """Tracked files changed and untracked files not ignored (what blocks a checkout/rebase)."""
    out = _git(root, "status", "--porcelain", "--untracked-files=all").stdout
    return [line[3:] for line in out.splitlines() if line.strip()]


def refusal(root: Path) -> str | None:
    """One Vietnamese line when the folder cannot be used in git mode, else None."""
    if _git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        return "Thư mục này không phải kho git: chạy `make cms` (không có --git) để lưu thẳng vào tệp."
    files = dirty_files(root)
    if files:
        more = f" và {len(files) - 1} tệp khác" if len(files) > 1 else ""
        return (f"Thư mục có thay đổi chưa commit ({files[0]}{more}): commit (git add + git commit) hoặc cất đi "
                f"(git stash) rồi chạy lại `make cms` với --git.")
    return None


def remove_empty_branches(root: Path, base: str) -> list[str]:
    """Delete the `cms/…` branches with no commit that `base` lacks; returns their names."""
    out = _git(root, "for-each-ref", "--format=%(refname:short)", f"refs/heads/{PREFIX}").stdout
    removed = []
    for branch in out.split():
        if branch == current_branch(root):
            continue
        ahead = _git(root, "rev-list", "--count", f"{base}..{branch}").stdout.strip()
        if ahead == "0" and _git(root, "branch", "-D", branch).returncode == 0:
            removed.append(branch)
    return removed
