"""`bdhvs cms` (make cms) as a staff member runs it, on a COPY of the repository
(the command works on the folder it lives in): it opens even when the content has errors
and lists them in Vietnamese; in --git mode it refuses a folder with uncommitted changes in
one Vietnamese line and removes empty `cms/…` branches."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bdhvs.cms.local import free_port
from cms_helpers import require_bundle, screenshot_png
from conftest import PHONE, ROOT

GUIDE = "docs/vi/huong-dan/bao-cao-lua-dao.md"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """The tracked (and new) files of the project, committed in a fresh git repository."""
    require_bundle()
    dest = tmp_path / "repo"
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"], check=True,
                           capture_output=True, text=True).stdout.splitlines()
    for name in files:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    (dest / "tools" / "node_modules").symlink_to(ROOT / "tools" / "node_modules")
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A")
    _git(dest, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "copy")
    return dest


def start(repo: Path, *args: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(repo / "scripts"), PYTHONUTF8="1")
    proc = subprocess.Popen([sys.executable, "-m", "bdhvs.cli", "cms", "--no-browser", "--port", str(port),
                             "--proxy-port", str(free_port()), *args], cwd=repo, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, port


def stop(proc: subprocess.Popen) -> tuple[str, str]:
    if proc.poll() is None:
        proc.terminate()
    try:
        return proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()


def wait_line(proc: subprocess.Popen, needle: str, timeout: float = 400) -> list[str]:
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if needle in line:
            return lines
    raise AssertionError(f"no {needle!r}; got {''.join(lines)} {stop(proc)}")


@pytest.mark.browser
def test_the_editor_opens_even_when_content_has_errors_and_lists_them(repo, new_page):
    guide = repo / GUIDE
    guide.write_text(guide.read_text(encoding="utf-8") + "\nXem [trang cũ](khong-co-trang-nay.md).\n\n"
                     "![Màn hình chính](../../huong-dan/bao-cao-lua-dao/buoc.1.png)\n", encoding="utf-8")
    media = repo / "docs" / "huong-dan" / "bao-cao-lua-dao"
    media.mkdir(parents=True, exist_ok=True)
    screenshot_png(media / "buoc.1.png")  # a name with a dot, as the editor's upload accepts it
    proc, port = start(repo)
    try:
        wait_line(proc, "Trình biên tập: ")
        page = new_page(**PHONE, locale="vi-VN").page
        page.goto(f"http://127.0.0.1:{port}/admin/")
        expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible(timeout=60_000)
    finally:
        out, err = stop(proc)
    assert "lỗi" in err and "Trình biên tập VẪN mở" in err, err
    assert f"{GUIDE}:" in err and "khong-co-trang-nay.md" in err, err  # file:line, in Vietnamese
    assert "buoc.1.png" in err, err


def test_git_mode_refuses_a_folder_with_uncommitted_changes_in_one_line(repo):
    guide = repo / GUIDE
    guide.write_text(guide.read_text(encoding="utf-8") + "\nThêm một dòng chưa commit.\n", encoding="utf-8")
    proc, _ = start(repo, "--git")
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass
    out, err = stop(proc)
    assert proc.returncode == 2, (out, err)
    assert err.strip().count("\n") == 0 and "chưa commit" in err and GUIDE in err, err
    assert _git(repo, "branch", "--list", "cms/*").strip() == ""


def test_git_mode_removes_empty_cms_branches(repo):
    _git(repo, "branch", "cms/guides/huong-dan/bao-cao-lua-dao")  # left by a failed save: no commit of its own
    _git(repo, "checkout", "-q", "-b", "cms/guides/huong-dan/co-sua")
    (repo / GUIDE).write_text((repo / GUIDE).read_text(encoding="utf-8") + "\nSửa thật.\n", encoding="utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "a real edit")
    _git(repo, "checkout", "-q", "main")
    proc, _ = start(repo, "--git")
    try:
        lines = wait_line(proc, "Dựng trang", timeout=120)
    finally:
        stop(proc)
    assert any("Đã xoá nhánh trống" in line for line in lines), lines
    assert _git(repo, "branch", "--list", "cms/*").split() == ["cms/guides/huong-dan/co-sua"]  # real work kept
