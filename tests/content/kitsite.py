"""A fixture site for the guide kit (shared safety blocks, self-check, re-check dates):
the small guide site of guidesite.py plus one guide that uses every part of the kit,
with texts hostile enough to show that editor input is escaped."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from guidesite import build, make_project

TODAY = dt.date.today()
SOON = TODAY + dt.timedelta(days=10)
LATER = TODAY + dt.timedelta(days=200)

KIT_GUIDE = f"""---
title: Hướng dẫn có khung an toàn
description: Hướng dẫn thử có khung an toàn dùng chung, phần tự kiểm tra và ngày cần xem lại.
page_type: guide
audience: [citizens]
platform: an-toan
plan_task: "III.3"
time_minutes: 5
prerequisites:
  - Điện thoại có Internet.
sources:
  - title: "Nguồn riêng của bài"
    url: https://example.gov.vn/rieng
    date: 2026-01-05
last_reviewed: 2026-11-20
review:
  status: draft
recheck: {LATER.isoformat()}
risks: [mat-tien, ma-otp]
self_check:
  - question: "Ai được hỏi mã OTP của bạn?"
    answers:
      - text: "Không ai cả"
        correct: true
      - text: "Người gọi tự xưng công an"
      - text: "Nhân viên ngân hàng"
    explain: "Mã OTP chỉ để bạn tự nhập."
  - question: "Đã lỡ chuyển tiền cho kẻ gian, việc đầu tiên là gì?"
    answers:
      - text: "Báo Công an xã"
      - text: "Gọi ngân hàng"
        correct: true
    explain: "Ngân hàng có thể giữ lại tiền nếu báo sớm."
  - question: "Có nên trả tiền cho người hứa lấy lại tiền giúp bạn?"
    answers:
      - text: "Có"
      - text: "Không"
        correct: true
---

# Hướng dẫn có khung an toàn

Trang này thử bộ công cụ của bài hướng dẫn.

## Các bước

1. Mở ứng dụng ngân hàng. Cuộc thi kết thúc ngày 30/8. <!-- bdhvs:recheck {SOON.isoformat()} -->

    <!-- bdhvs:safety ma-otp -->

2. Chạm **Đăng nhập**.

## An toàn

<!-- bdhvs:safety mat-tien -->

```text
<!-- bdhvs:safety chia-se-man-hinh -->
```
"""

CAN_XEM_LAI = """---
title: Cần xem lại
description: Trang thử cho người biên tập - những gì cần xem lại trước ngày hết hạn.
page_type: editor
---

# Cần xem lại

<!-- bdhvs:recheck-due -->
"""


def make_kit_project(dest: Path, extra: dict[str, str] | None = None) -> Path:
    project = make_project(dest)
    pages = {"vi/huong-dan/khung-an-toan.md": KIT_GUIDE, "vi/bien-tap/can-xem-lai.md": CAN_XEM_LAI, **(extra or {})}
    for rel, text in pages.items():
        target = project / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return project


def built_kit_site(base: Path) -> Path:
    result = build(make_kit_project(base / "project"), base / "site")
    assert result.returncode == 0, result.output
    return result.site


LESSON = """---
title: "Bài học 45 phút: thử"
description: Bài học thử dùng hai hướng dẫn của bản thử nhỏ, có thực hành và đóng vai.
page_type: lesson
plan_task: "III.3"
audience: [citizens]
goal: Bà con biết gọi ngân hàng trước khi mất tiền.
guides:
  - guide: da-duyet
    minutes: 10
  - guide: khung-an-toan
    minutes: 20
    focus: "Gọi ngân hàng trước."
bring:
  - Thẻ ATM mẫu.
practice: Tập nói câu xin khoá tài khoản, không dùng số tài khoản thật.
role_play: Cuộc gọi giả công an đòi mã OTP.
check:
  - question: Ai được hỏi mã OTP?
    answer: Không ai cả.
    guide: khung-an-toan
  - question: Việc đầu tiên khi đã mất tiền?
    answer: Gọi ngân hàng.
    guide: khung-an-toan
  - question: Bước 2 của bài đã duyệt là gì?
    answer: Chạm Đăng nhập.
    guide: da-duyet
---

# Bài học 45 phút: thử

<!-- bdhvs:lesson -->
"""

LESSON_INDEX = """---
title: Bài học
description: Danh sách bài học 45 phút của bản thử nhỏ cho người hướng dẫn.
page_type: section
---

# Bài học

<!-- bdhvs:lessons -->
"""

LESSON_PAGES = {"vi/bai-hoc/thu.md": LESSON, "vi/bai-hoc/index.md": LESSON_INDEX}
