"""A tiny site (temp dir) with one reviewed and one draft guide, built with the real
configuration and theme: shows what the guide furniture does in each review state."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, build_site, write_fixture_config

GUIDE = """---
title: {title}
description: Hướng dẫn thử dùng trong kiểm thử khung trang hướng dẫn (ghi chú bản nháp, nguồn).
page_type: guide
audience: [citizens, students]
platform: vneid
plan_task: "III.4"
time_minutes: 5
prerequisites:
  - Điện thoại có cài VNeID.
sources:
  - title: "Nguồn thử"
    publisher: Báo thử
    url: https://example.gov.vn/nguon-thu
    date: 2025-07-05
last_reviewed: 2026-11-20
review:
{review}
---

# {title}

## Các bước

1. Mở VNeID.

2. Chạm **Đăng nhập**.
"""

PAGES = {
    "vi/index.md": "---\ntitle: Trang chủ thử\ndescription: Trang chủ của bản thử nhỏ cho các hướng dẫn.\n"
                   "page_type: home\n---\n\n# Trang chủ thử\n\n<!-- bdhvs:tasks audience=citizens -->\n",
    "vi/huong-dan/index.md": "---\ntitle: Các hướng dẫn\ndescription: Danh sách hướng dẫn của bản thử nhỏ.\n"
                             "page_type: section\n---\n\n# Các hướng dẫn\n\n<!-- bdhvs:guides by=platform -->\n",
    "vi/huong-dan/theo-doi-tuong.md": "---\ntitle: Theo đối tượng\ndescription: Hướng dẫn của bản thử nhỏ theo "
                                      "đối tượng.\npage_type: section\n---\n\n# Theo đối tượng\n\n"
                                      "<!-- bdhvs:guides by=audience -->\n",
    "vi/huong-dan/da-duyet.md": GUIDE.format(
        title="Hướng dẫn đã duyệt",
        review="  status: reviewed\n  reviewer: Cán bộ Công an xã\n  date: 2026-11-21"),
    "vi/huong-dan/ban-nhap.md": GUIDE.format(title="Hướng dẫn bản nháp", review="  status: draft"),
}


def make_project(dest: Path) -> Path:
    for rel, text in PAGES.items():
        target = dest / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    status_page = ROOT / "docs" / "vi" / "bien-tap" / "ban-dich.md"
    if status_page.exists():  # the translation status page other features expect
        (dest / "docs" / "vi" / "bien-tap").mkdir(parents=True)
        shutil.copy(status_page, dest / "docs" / "vi" / "bien-tap" / "ban-dich.md")
    (dest / "docs" / "ede").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", dest / "data")
    write_fixture_config(dest)
    return dest


def build(project_dir: Path, dest: Path):
    return build_site(dest, config=project_dir / "mkdocs.yml")
