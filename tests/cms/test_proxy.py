"""The local proxy (decap-server) as `bdhvs cms` runs it: what each mode offers Decap,
and the editorial workflow of git mode (an entry lives on its own branch until published).
Plain HTTP calls, the same requests Decap's proxy backend makes; no browser."""
from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest

from bdhvs.cms.local import Proxy
from cms_helpers import require_bundle


def call(proxy: Proxy, action: str, **params):
    req = urllib.request.Request(proxy.url, data=json.dumps({"action": action, "params": params}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def git(repo, *args) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    require_bundle()
    root = tmp_path / "repo"
    (root / "docs" / "vi" / "huong-dan").mkdir(parents=True)
    (root / "docs" / "vi" / "huong-dan" / "a.md").write_text("---\ntitle: A\n---\nA\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "start")
    git(root, "config", "user.name", "Trình biên tập (thử)")
    git(root, "config", "user.email", "cms@example.invalid")
    return root


def test_fs_mode_saves_directly(tmp_path):
    require_bundle()
    with Proxy(tmp_path) as proxy:
        assert call(proxy, "info")["publish_modes"] == ["simple"]  # Decap switches the workflow off


def test_git_mode_keeps_an_entry_on_its_branch_until_published(repo):
    entry = {"slug": "b", "path": "docs/vi/huong-dan/b.md", "raw": "---\ntitle: B\n---\nB\n"}
    with Proxy(repo, mode="git") as proxy:
        assert call(proxy, "info")["publish_modes"] == ["simple", "editorial_workflow"]
        call(proxy, "persistEntry", branch="main", entry=entry, assets=[],
             options={"collectionName": "new_guides", "commitMessage": "Tạo b", "useWorkflow": True,
                      "status": "draft"})
        assert "cms/new_guides/b" in git(repo, "branch", "--list")
        assert not (repo / "docs/vi/huong-dan/b.md").exists()  # main untouched: a draft, "Bản nháp"
        call(proxy, "updateUnpublishedEntryStatus", branch="main", collection="new_guides", slug="b",
             newStatus="pending_review")  # "Đang duyệt"
        assert call(proxy, "unpublishedEntry", branch="main", collection="new_guides",
                    slug="b")["status"] == "pending_review"
        call(proxy, "publishUnpublishedEntry", branch="main", collection="new_guides", slug="b")
        assert (repo / "docs/vi/huong-dan/b.md").read_text(encoding="utf-8") == entry["raw"]
        assert "cms/new_guides/b" not in git(repo, "branch", "--list")
