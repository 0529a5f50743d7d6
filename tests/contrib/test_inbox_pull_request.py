"""`bdhvs inbox` where the maintainer has `gh` set up: the package's branch is pushed to the
project's remote and a pull request is opened with the change's title and summary. Offline:
the remote is a bare repository on disk and `gh` is a stand-in on PATH that records how it
was called (the real `gh pr create` needs GitHub). Without `gh`, or with --no-pr, nothing is
pushed and the message says how to go on."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import contrib_site
from test_inbox_refuses import package

FAKE_GH = """#!/bin/sh
# stand-in for the GitHub CLI: records its arguments and the folder it ran in
printf '%s\\n' "$PWD" "$@" > "{log}"
echo "https://github.com/xa-krong-a/binh-dan-hoc-vu-so/pull/7"
"""


@pytest.fixture
def project(tmp_path):
    root = contrib_site.make_project(tmp_path / "project")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    contrib_site.git(root, "remote", "add", "origin", str(remote))
    contrib_site.git(root, "push", "-q", "origin", "main")
    return root, remote


def run_inbox(project: Path, pkg: Path, path_dirs: list[Path], *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=os.pathsep.join([*map(str, path_dirs), "/usr/bin", "/bin"]))
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", "inbox", str(pkg), "--root", str(project), *extra],
                          capture_output=True, text=True, env=env)


def write_package(tmp_path: Path, note: str = "Nút ghi khác") -> Path:
    path = tmp_path / "gop-y-review-thu.txt"
    path.write_text(json.dumps(package(note=note)), encoding="utf-8")
    return path


def test_with_gh_the_branch_is_pushed_and_a_pull_request_opened(project, tmp_path):
    root, remote = project
    bin_dir, log = tmp_path / "bin", tmp_path / "gh-called.txt"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH.format(log=log), encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    result = run_inbox(root, write_package(tmp_path), [bin_dir])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pull request: https://github.com/xa-krong-a/binh-dan-hoc-vu-so/pull/7" in result.stdout
    branch = next(b for b in contrib_site.git(root, "branch", "--format=%(refname:short)").split()
                  if b.startswith("gop-y/review-thu-"))
    # the remote holds the very commit the inbox made
    pushed = subprocess.run(["git", "-C", str(remote), "rev-parse", branch], capture_output=True, text=True)
    assert pushed.returncode == 0 and pushed.stdout.strip() == contrib_site.git(root, "rev-parse", branch).strip()
    called = log.read_text(encoding="utf-8").splitlines()
    assert Path(called[0]).resolve() == root.resolve()
    assert called[1:5] == ["pr", "create", "--head", branch]
    title = called[called.index("--title") + 1]
    body = "\n".join(called[called.index("--body") + 1:])
    assert title and title in contrib_site.git(root, "log", "-1", "--format=%s", branch)
    assert "bdhvs inbox" in body  # the commit message: what changed and where it came from


def test_without_gh_or_with_no_pr_nothing_is_pushed(project, tmp_path):
    root, remote = project
    bin_dir = tmp_path / "empty-bin"
    bin_dir.mkdir()
    result = run_inbox(root, write_package(tmp_path), [bin_dir])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Chưa mở pull request" in result.stdout
    gh_dir, log = tmp_path / "bin", tmp_path / "gh-called.txt"
    gh_dir.mkdir()
    (gh_dir / "gh").write_text(FAKE_GH.format(log=log), encoding="utf-8")
    (gh_dir / "gh").chmod(0o755)
    other = tmp_path / "other"
    other.mkdir()
    second = run_inbox(root, write_package(other, "Nút trên máy ghi là Tiếp tục"), [gh_dir], "--no-pr")
    assert second.returncode == 0 and not log.exists()
    heads = subprocess.run(["git", "-C", str(remote), "branch", "--format=%(refname:short)"],
                           capture_output=True, text=True).stdout.split()
    assert heads == ["main"]
