"""The three actions of a translator, each refusing clearly when it would lose work:

- ``create``:  scaffold docs/ede/<page> from docs/vi/<page> (never overwrites);
- ``sync``:    after updating a stale translation, record today's Vietnamese page as its
               source (new hash + base copy); the page goes back to ``draft`` because
               the new wording needs a review;
- ``review``:  mark a translation reviewed by a role, on a date.
"""
from __future__ import annotations

import datetime as dt
import re

from bdhvs.i18n import base, frontmatter, publishing, scaffold, status
from bdhvs.i18n.frontmatter import PageError
from bdhvs.i18n.project import Project

_NAME = re.compile(r"\b(ông|bà|anh|chị|cô|thầy)\s+[A-ZĐ]", re.I)


def _vi_path(project: Project, source: str):
    path = project.vi_dir / source
    if not path.exists():
        raise PageError(f"docs/vi/{source}", "không có trang tiếng Việt này. Kiểm tra lại tên trang "
                        "(ví dụ: huong-dan/cai-dat-vneid).")
    return path


def _ede_path(project: Project, source: str):
    path = project.ede_dir / source
    if not path.exists():
        raise PageError(f"docs/ede/{source}", "chưa có bản tiếng Êđê. Tạo bằng: bdhvs translate " + source)
    return path


def create(project: Project, source: str, today: dt.date | None = None, translator: str | None = None):
    vi_path = _vi_path(project, source)
    ede_path = project.ede_dir / source
    if ede_path.exists():
        raise PageError(f"docs/ede/{source}", "đã có bản tiếng Êđê của trang này; công cụ KHÔNG ghi đè để "
                        "không mất bản dịch. Muốn làm lại từ đầu: tự xoá tệp đó trước. Nếu tiếng Việt đã đổi: "
                        "xem 'bdhvs translations --stale', sửa bản dịch rồi chạy 'bdhvs translate --sync "
                        f"{source}'.")
    text = vi_path.read_text(encoding="utf-8")
    if frontmatter.split(text, vi_path).meta.get("page_type") == "editor":
        raise PageError(f"docs/vi/{source}", "đây là trang cho người biên tập (page_type: editor); "
                        "trang này chỉ có tiếng Việt, không cần dịch.")
    out = scaffold.make(text, source, today or dt.date.today(), translator)
    ede_path.parent.mkdir(parents=True, exist_ok=True)
    ede_path.write_text(out, encoding="utf-8")
    base.save(project, source, text)
    return ede_path


def sync(project: Project, source: str, today: dt.date | None = None):
    text = _vi_path(project, source).read_text(encoding="utf-8")
    ede_path = _ede_path(project, source)
    page = frontmatter.read(ede_path)
    info = dict(page.meta.get("translation") or {})
    info.update(source=source, source_hash=base.source_hash(text))
    if info.get("status") != "sourced":
        info["status"] = "draft"
        info.pop("reviewer", None)
    info["date"] = today or dt.date.today()
    meta = dict(page.meta, translation=info)
    frontmatter.write_meta(ede_path, meta)
    base.save(project, source, text)
    return ede_path


def review(project: Project, source: str, reviewer: str, today: dt.date | None = None):
    ede_path = _ede_path(project, source)
    reviewer = " ".join((reviewer or "").split())
    if not reviewer:
        raise PageError(f"docs/ede/{source}", "cần ghi người duyệt là MỘT VAI TRÒ, ví dụ "
                        "--reviewer \"Giáo viên tiếng Êđê trường THCS …\".")
    if _NAME.search(reviewer):
        raise PageError(f"docs/ede/{source}", f"người duyệt {reviewer!r} trông như tên riêng. Chỉ ghi vai trò "
                        "(ví dụ \"Giáo viên trường …\", \"Cán bộ văn hoá xã\"), không ghi tên người.")
    entry = status.entry_for(project, source)
    if entry.state == "sourced":
        raise PageError(f"docs/ede/{source}", "trang này là trang tiếng Việt kèm từ Êđê có nguồn, không phải bản dịch.")
    if entry.state == "stale":
        raise PageError(f"docs/ede/{source}", "trang tiếng Việt đã thay đổi sau khi dịch. Xem thay đổi bằng "
                        "'bdhvs translations --stale', sửa bản dịch, chạy 'bdhvs translate --sync "
                        f"{source}', rồi mới duyệt.")
    if entry.todo:
        raise PageError(f"docs/ede/{source}", f"còn {entry.todo} khối \"{status.TODO_TITLE}\" (hoặc tiêu đề có "
                        f"{{ .{status.TODO_CLASS} }}) chưa dịch. Dịch hết rồi mới duyệt.")
    page = frontmatter.read(ede_path)
    info = dict(page.meta.get("translation") or {})
    if publishing.self_reviewed(dict(info, reviewer=reviewer)):
        raise PageError(f"docs/ede/{source}", f"người duyệt {reviewer!r} cũng là người dịch. Cần MỘT NGƯỜI KHÁC "
                        "nói tiếng Êđê đọc lại và duyệt.")
    info.update(status="reviewed", reviewer=reviewer, date=today or dt.date.today())
    frontmatter.write_meta(ede_path, dict(page.meta, translation=info))
    return ede_path
