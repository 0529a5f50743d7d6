"""A tiny site (temp dir) with one reviewed and one draft guide, built with the real
configuration and theme: shows what the guide furniture does in each review state; and
a guide with staff notes, the official addresses marker, dated sources and glossary
terms in both cases (STAFF_GUIDE)."""
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

# Texts of the staff notes of STAFF_GUIDE (the tests look for them in the built pages).
STAFF_TEXTS = ["Nguồn chỉ tả đến bước Đăng nhập: cán bộ làm thử phần còn lại.",
               "Chưa rõ mã PIN đặt ở bước nào trong ứng dụng thật.",
               "Kiểm tra thêm giấy đăng ký xe trong ứng dụng."]

STAFF_GUIDE = """---
title: Hướng dẫn có ghi chú cho cán bộ
description: Hướng dẫn thử có ghi chú cho cán bộ, danh sách địa chỉ chính thức và nguồn có ngày đăng.
page_type: guide
audience: [workers]
platform: vneid
plan_task: "III.4"
time_minutes: 5
prerequisites:
  - Điện thoại có cài VNeID.
sources:
  - title: "Nguồn có năm đăng"
    publisher: Báo thử
    url: https://example.gov.vn/nam
    date: 2025-08-10
    published: 2025
  - title: "Nguồn có ngày đăng"
    url: https://example.gov.vn/ngay
    date: 2025-08-11
    published: 2025-07-05
  - title: "Nguồn không rõ ngày đăng"
    url: https://example.gov.vn/khong-ro
    date: 2025-08-12
last_reviewed: 2026-11-20
review:
  status: draft
---

# Hướng dẫn có ghi chú cho cán bộ

Trang này giúp bạn thử mọi thứ của một bài hướng dẫn.

Mã PIN mở Ví giấy tờ. Không nói mã PIN cho ai. Không cài tệp .apk gửi qua tin nhắn.

## Các bước

1. Mở VNeID.

    !!! staff "Cán bộ xã cần kiểm tra trước khi dạy"
        {0}

2. Chạm **Đăng nhập**.

!!! staff "Những điều chưa rõ"
    - {1}
    - {2}

## Địa chỉ chính thức

Chỉ gõ đúng một trong các địa chỉ sau:

<!-- bdhvs:official-addresses -->

## An toàn

<!-- bdhvs:secrets -->
""".format(*STAFF_TEXTS)

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
    "vi/huong-dan/co-ghi-chu.md": STAFF_GUIDE,
    "vi/huong-dan/chu-hoa.md": "---\ntitle: Chữ hoa\ndescription: Trang thử giải thích thuật ngữ viết hoa chữ đầu.\n"
                               "page_type: info\n---\n\n# Chữ hoa\n\nMã PIN là của riêng bạn.\n",
    "vi/huong-dan/chu-thuong.md": "---\ntitle: Chữ thường\ndescription: Trang thử giải thích thuật ngữ viết thường.\n"
                                  "page_type: info\n---\n\n# Chữ thường\n\nGiữ kín mã PIN của bạn.\n",
}


def make_project(dest: Path) -> Path:
    for rel, text in PAGES.items():
        target = dest / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    # the editors' pages other features expect (translation status, staff notes, re-check list,
    # the contributors' phone pages that the handouts list links)
    shutil.copytree(ROOT / "docs" / "vi" / "bien-tap", dest / "docs" / "vi" / "bien-tap")
    shutil.copy(ROOT / "docs" / "vi" / "tai-lieu-in.md", dest / "docs" / "vi" / "tai-lieu-in.md")  # handouts list
    shutil.copytree(ROOT / "docs" / "huong-dan" / "chung", dest / "docs" / "huong-dan" / "chung")
    (dest / "docs" / "ede").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", dest / "data")
    write_fixture_config(dest)
    return dest


def build(project_dir: Path, dest: Path, *, preview: bool = False):
    return build_site(dest, config=project_dir / "mkdocs.yml", env={"BDHVS_PREVIEW": "true" if preview else "false"})


def built_site(base: Path) -> Path:
    """A fresh fixture project under ``base``, built strictly (public build): the site folder."""
    result = build(make_project(base / "project"), base / "site")
    assert result.returncode == 0, result.output
    return result.site
