"""`bdhvs new <slug>`: scaffold a guide for an editor.

Creates docs/vi/huong-dan/<slug>.md (front matter valid against the guide schema, the
agreed sections), the media folder docs/huong-dan/<slug>/ with a README.txt, and the Ede
draft through `bdhvs translate` (the Ede team's tool). Never overwrites a file.
The one placeholder that the checks keep reporting until it is replaced is the source URL
(URL-DOMAIN): a guide cannot go out without a real source.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from bdhvs import settings
from bdhvs.content import frontstyle
from bdhvs.i18n import frontmatter

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER_URL = "https://example.com/thay-bang-dia-chi-nguon-that"


def guide_meta(today: str, url: str = PLACEHOLDER_URL) -> dict:
    """The new guide's front matter, written in the repository's one style (content/frontstyle.py).
    A source's publication year goes in ``published:`` (2025, or 2025-07-05) when it is known."""
    return {
        "title": "VIẾT tên việc cần làm, ví dụ Đăng ký tài khoản VNeID mức 1",
        "description": "VIẾT một câu ngắn nói trang này giúp người đọc làm được việc gì.",
        "page_type": "guide",
        "audience": ["citizens"],
        "platform": "vneid",
        "plan_task": "III.4",
        "time_minutes": 10,
        "prerequisites": ["VIẾT thứ cần có trước khi bắt đầu, ví dụ điện thoại có Internet."],
        "sources": [{"title": "VIẾT tên bài hoặc văn bản nguồn", "publisher": "VIẾT tên cơ quan hoặc tờ báo",
                     "url": url, "date": today}],
        "last_reviewed": today,
        "review": {"status": "draft"},
    }


GUIDE_BODY = """
# VIẾT tên việc cần làm

VIẾT một hoặc hai câu: trang này giúp bạn làm gì.

## Bạn cần chuẩn bị

- VIẾT thứ cần có.

## Các bước

1. VIẾT một việc cần làm, tên nút in đậm đúng như trên màn hình, ví dụ chạm **Đăng nhập**.

    Bạn thấy: VIẾT điều hiện ra trên màn hình sau bước này.

2. VIẾT việc tiếp theo.

    Bạn thấy: VIẾT điều hiện ra.

## Lỗi thường gặp

VIẾT tên lỗi
:   VIẾT cách sửa.

## An toàn

!!! warning "VIẾT điều cần nhớ để tránh bị lừa"
    VIẾT lời dặn.

## Hướng dẫn liên quan

- [Tất cả hướng dẫn](index.md)
"""

MEDIA_README = """Thư mục ảnh, video, âm thanh của bài hướng dẫn "{slug}".

- Ảnh chụp màn hình: đặt tên theo bước, ví dụ buoc-1.png; đã xoá thông tin cá nhân và EXIF
  (bdhvs check báo PRIV-EXIF / PRIV-GPS nếu còn).
- Hình vẽ không phải ảnh chụp thật phải ghi "Hình minh hoạ" ở chú thích.
- Video: chỉ gắn bằng cú pháp ![type:video](…) trong bài.
- Bài viết nằm ở docs/vi/huong-dan/{slug}.md; bản tiếng Êđê ở docs/ede/huong-dan/{slug}.md.
"""

EDE_STUB_BODY = """
Trang này chưa được dịch sang tiếng Êđê. Người biết tiếng Êđê dịch từ bài tiếng Việt
docs/vi/huong-dan/{slug}.md; trang chỉ hiện cho người dân sau khi được duyệt.
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="Tạo bài hướng dẫn mới từ mẫu (phần đầu trang, các mục, thư mục ảnh, bản Êđê nháp)")
    parser.add_argument("slug", metavar="TÊN_BÀI", help="tên tệp không dấu, nối bằng gạch ngang, ví dụ dang-ky-tai-khoan")
    parser.set_defaults(func=run)


def scaffold(slug: str, docs_dir: Path | None = None, today: dt.date | None = None) -> list[Path]:
    """Create the files of a new guide; return them. Raises ValueError (Vietnamese) on a bad slug
    or when a file already exists."""
    docs_dir = docs_dir or settings.DOCS_DIR
    if not SLUG.match(slug):
        from bdhvs.content.slugs import slugify

        raise ValueError(f"Tên bài '{slug}' không hợp lệ: chỉ dùng chữ thường không dấu, số và gạch ngang. "
                         f"Gợi ý: {slugify(slug) or 'dang-ky-tai-khoan'}")
    guide = docs_dir / "vi" / "huong-dan" / f"{slug}.md"
    media = docs_dir / "huong-dan" / slug
    if guide.exists():
        raise ValueError(f"Đã có {guide.relative_to(docs_dir.parent)}; công cụ không ghi đè bài đang có.")
    today = today or dt.date.today()
    guide.parent.mkdir(parents=True, exist_ok=True)
    guide.write_text(frontstyle.join(guide_meta(today.isoformat()), GUIDE_BODY), encoding="utf-8")
    media.mkdir(parents=True, exist_ok=True)
    readme = media / "README.txt"
    created = [guide]
    if not readme.exists():
        readme.write_text(MEDIA_README.format(slug=slug), encoding="utf-8")
        created.append(readme)
    created.append(_ede_stub(slug, docs_dir))
    return created


def _ede_stub(slug: str, docs_dir: Path) -> Path:
    ede = docs_dir / "ede" / "huong-dan" / f"{slug}.md"
    try:  # the Ede team's `bdhvs translate` keeps the page structure and records the source hash
        from bdhvs.i18n import workflow
        from bdhvs.i18n.project import Project

        project = Project.default() if docs_dir == settings.DOCS_DIR else None
        if project is not None:
            return workflow.create(project, project.normalise_page(f"huong-dan/{slug}"))
    except ImportError:
        pass
    ede.parent.mkdir(parents=True, exist_ok=True)
    if not ede.exists():
        # Same front matter as the Vietnamese guide (the schema is the same) plus `translation`.
        vi_page = frontmatter.read(docs_dir / "vi" / "huong-dan" / f"{slug}.md")
        meta = dict(vi_page.meta, translation={"source": f"huong-dan/{slug}.md", "status": "draft"})
        ede.write_text(frontstyle.join(meta, EDE_STUB_BODY.format(slug=slug)), encoding="utf-8")
    return ede


def run(args) -> int:
    try:
        created = scaffold(args.slug)
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - e.g. the Ede tool refused: the Vietnamese guide is still there
        print(f"Đã tạo bài tiếng Việt nhưng chưa tạo được bản tiếng Êđê: {exc}", file=sys.stderr)
        return 1
    for path in created:
        print(f"Đã tạo {path.relative_to(settings.ROOT) if path.is_relative_to(settings.ROOT) else path}")
    print("\nViệc tiếp theo:\n"
          "  1. Mở bài tiếng Việt, thay mọi chữ 'VIẾT …' bằng nội dung thật, có nguồn.\n"
          "  2. Sửa 'sources:' thành nguồn thật (kiểm tra sẽ báo lỗi URL-DOMAIN cho tới khi sửa).\n"
          "  3. Chạy: bdhvs check   rồi xem trước: make serve")
    return 0
