"""A small project (temp dir, its own git repository) with one draft guide and the
contributors' pages, built with the real configuration and theme."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, build_site, write_fixture_config

# In the repository's one front-matter style (content/frontstyle.py), as every guide of docs/.
GUIDE = """---
title: Hướng dẫn thử
description: Hướng dẫn thử dùng trong kiểm thử trang góp ý bằng điện thoại.
page_type: guide
audience:
  - citizens
platform: vneid
plan_task: III.4
time_minutes: 5
prerequisites:
  - Điện thoại có cài VNeID.
sources:
  - title: Nguồn thử
    publisher: Báo thử
    url: https://example.gov.vn/nguon-thu
    date: 2025-07-05
last_reviewed: 2026-11-20
review:
  status: draft
---

# Hướng dẫn thử

## Các bước

1. Mở VNeID.

    Bạn thấy: màn hình đăng nhập.

2. Chạm **Đăng nhập**.

3. Nhập mật khẩu.
"""

HOME = """---
title: Trang chủ thử
description: Trang chủ của bản thử nhỏ dùng trong kiểm thử trang góp ý.
page_type: home
---

# Trang chủ thử

- [Hướng dẫn thử](huong-dan/thu.md)
"""

PAGES = ("kiem-tra-tung-buoc.md", "gop-y.md", "dich-tieng-ede.md", "gop-y-bang-dien-thoai.md")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def make_project(dest: Path) -> Path:
    docs = dest / "docs"
    (docs / "vi" / "huong-dan").mkdir(parents=True)
    (docs / "vi" / "index.md").write_text(HOME, encoding="utf-8")
    (docs / "vi" / "huong-dan" / "thu.md").write_text(GUIDE, encoding="utf-8")
    (docs / "vi" / "bien-tap").mkdir()
    for name in PAGES:
        shutil.copy(ROOT / "docs" / "vi" / "bien-tap" / name, docs / "vi" / "bien-tap" / name)
    (docs / "ede").mkdir()
    (docs / "huong-dan" / "thu").mkdir(parents=True)
    (docs / "huong-dan" / "thu" / "README.txt").write_text("Ảnh, âm thanh của bài thử.\n", encoding="utf-8")
    shutil.copytree(ROOT / "data", dest / "data")
    write_fixture_config(dest)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-q", "-m", "fixture")
    return dest


def build(project: Path, dest: Path, preview: bool = False):
    return build_site(dest, env={"BDHVS_PREVIEW": "true" if preview else "false"}, config=project / "mkdocs.yml")
