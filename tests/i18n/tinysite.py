"""A tiny copy of the site (temp dir) to build and edit without touching docs/."""
from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from conftest import ROOT, build_site, write_fixture_config

PAGES = {
    "vi/index.md": """---
title: Trang chủ thử
description: Trang chủ của bản thử nhỏ dùng trong kiểm thử bản dịch.
page_type: home
---

# Trang chủ thử

- [Các hướng dẫn](huong-dan/index.md)
""",
    "vi/huong-dan/index.md": """---
title: Các hướng dẫn
description: Danh sách hướng dẫn của bản thử nhỏ dùng trong kiểm thử.
page_type: section
---

# Các hướng dẫn

- [Hướng dẫn thử](thu.md)
- [Hướng dẫn thứ hai](thu-hai.md)
""",
    "vi/huong-dan/thu.md": """---
title: Hướng dẫn thử
description: Một hướng dẫn nhỏ có tiêu đề, các bước, hình và ghi chú để thử công cụ dịch.
page_type: info
---

# Hướng dẫn thử

Đây là đoạn mở đầu. Nó có **chữ đậm** và [một liên kết](#cac-buoc).

![Hình minh hoạ màn hình](../../huong-dan/thu/anh.png)

## Các bước

1. Mở ứng dụng trên điện thoại.

    Bạn thấy: màn hình chính.

2. Chạm vào nút **Đăng nhập**.

## Lỗi thường gặp

Quên mật khẩu
:   Nhờ Tổ công nghệ số cộng đồng giúp.

!!! warning "Cẩn thận"
    Không đưa mã OTP cho ai.

Xem [trang danh sách](index.md).
""",
    "vi/huong-dan/thu-hai.md": """---
title: Hướng dẫn thứ hai
description: Trang thứ hai của bản thử nhỏ, chưa có bản tiếng Êđê.
page_type: info
---

# Hướng dẫn thứ hai

Một đoạn văn.
""",
}


def make_project(dest: Path) -> Path:
    """docs/ with a few small pages, data/ with the Ede tables, mkdocs.yml without the
    hand-written nav (navigation made from the files)."""
    for rel, text in PAGES.items():
        target = dest / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    status_page = dest / "docs" / "vi" / "bien-tap" / "ban-dich.md"
    status_page.parent.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "vi" / "bien-tap" / "ban-dich.md", status_page)
    media = dest / "docs" / "huong-dan" / "thu"
    media.mkdir(parents=True)
    Image.new("RGB", (8, 8), "white").save(media / "anh.png")
    (dest / "docs" / "ede").mkdir(parents=True, exist_ok=True)
    (dest / "data").mkdir(exist_ok=True)
    for name in ("ede-ui.yml", "ede-words.yml"):
        shutil.copy(ROOT / "data" / name, dest / "data" / name)
    write_fixture_config(dest)
    return dest


def build(project_dir: Path, dest: Path, preview: bool = False):
    env = {"BDHVS_PREVIEW": "true" if preview else "false"}
    return build_site(dest, env=env, config=project_dir / "mkdocs.yml")
