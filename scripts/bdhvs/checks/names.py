"""File and folder names under docs/: lower-case ASCII, digits, '-', '.', '_' only.

A name such as ``Đăng Ký.md`` or ``buoc 2.png`` works on the editor's Windows machine but
becomes an address with %C4%90 and %20 in it, and capitals break on the Linux server.
The finding names the file to rename to (the project's own slugify, as for headings),
the `git mv` command, and every link that must change with it.
"""
from __future__ import annotations

import re
from pathlib import Path

from bdhvs.checks.codes import finding
from bdhvs.content.slugs import slugify
from bdhvs.findings import Finding, relative

SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ALLOWED = {"README.md", "README.txt"}


def safe_name(name: str, is_file: bool) -> str:
    """``Đăng Ký.md`` -> ``dang-ky.md``; ``Buoc 2.PNG`` -> ``buoc-2.png``."""
    stem, dot, suffix = name.rpartition(".") if is_file and "." in name.lstrip(".") else (name, "", "")
    slug = slugify(stem) or "ten-moi"
    return slug + (dot + slugify(suffix) if dot else "")


def check(path: Path, docs_dir: Path, root: Path, pages) -> list[Finding]:
    """``pages()``: (Document, links) of every page, read only when a name is wrong."""
    try:
        parts = path.resolve().relative_to(docs_dir.resolve()).parts
    except ValueError:
        return []
    bad = [i for i, part in enumerate(parts) if not SAFE_NAME.match(part) and part not in ALLOWED]
    if not bad:
        return []
    index = bad[0]
    is_file = index == len(parts) - 1
    new_parts = [safe_name(p, i == len(parts) - 1) if i in bad else p for i, p in enumerate(parts)]
    old_rel = relative(path, root)
    base = docs_dir.resolve()
    move_from = relative(base.joinpath(*parts[:index + 1]), root)
    move_to = relative(base.joinpath(*new_parts[:index + 1]), root)
    kind = "Tên tệp" if is_file else "Tên thư mục"
    message = f"{kind} “{parts[index]}” có dấu, chữ hoa hoặc khoảng trắng; đổi thành “{new_parts[index]}”"
    from bdhvs.checks.locallinks import links_to

    linked = links_to(path.resolve(), pages())
    places = ", ".join(f"{name}:{line}" for name, line in linked[:6]) + (f" và {len(linked) - 6} chỗ khác"
                                                                          if len(linked) > 6 else "")
    hint = f"Chạy `git mv \"{move_from}\" {move_to}`"
    if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp") and path.with_suffix(".yml").exists():
        hint += f" (đổi cả tệp {path.with_suffix('.yml').name} cùng tên)"
    hint += f", rồi sửa các liên kết tới tệp ở: {places}." if linked else "; chưa có trang nào liên kết tới tệp này."
    return [finding(old_rel, 1, 1, "FILE-NAME", message, hint)]
