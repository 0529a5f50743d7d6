"""Links to pages, images and media files of the site, checked on the Markdown source.

The built site is checked too (``sitelinks``, MkDocs' own validation), but only by a full
`bdhvs check`, and not at all when a broken front matter stops the build. This check needs
no build and no valid front matter, so one run (and the pre-commit hook, which checks
only the changed files) shows a page's broken links and missing images with its other
problems. Anchors (``#muc``) are left to the build: they need the rendered headings.

A path typed with Windows backslashes (``..\\..\\huong-dan\\x\\buoc-2.png``) is reported
as such (`--fix` turns them into ``/``), not as a missing file.
"""
from __future__ import annotations

import difflib
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bdhvs import settings
from bdhvs.checks.links import Link
from bdhvs.checks.source import Document
from bdhvs.findings import Finding, relative

IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif"}
MEDIA_EXTS = {".opus", ".ogg", ".m4a", ".mp3", ".mp4", ".webm", ".vtt", ".pdf"}
# Sources the build turns into a published image of the same name (media/catalog.py).
MEDIA_SOURCES = (".png", ".jpg", ".jpeg", ".webp", ".yml", ".yaml")
MEDIA_ROOT = "huong-dan"  # docs/huong-dan/<slug>/: guide media (media/catalog.py URI_ROOT)
CHECKED_KINDS = {"markdown", "image", "video", "refdef", "html"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
BACKSLASH = re.compile(r"\\(?=[^\s\\])")


def is_local(url: str) -> bool:
    return bool(url) and not _SCHEME.match(url) and not url.startswith(("//", "#", "/"))


def target_path(doc_path: Path, url: str) -> Path | None:
    """The file a relative ``url`` of the page ``doc_path`` points at (not resolved
    against the language fallback; see :func:`exists`)."""
    path = unquote(urlsplit(url.replace("\\", "/")).path)
    if not path:
        return None
    return Path(os.path.normpath(doc_path.resolve().parent / path))


def _fallback(target: Path, docs_dir: Path) -> Path | None:
    """docs/ede/x.md missing → docs/vi/x.md (mkdocs-static-i18n ``fallback_to_default``)."""
    try:
        parts = target.relative_to(docs_dir).parts
    except ValueError:
        return None
    if len(parts) > 1 and parts[0] in settings.LANGUAGES and parts[0] != settings.DEFAULT_LANGUAGE:
        return docs_dir.joinpath(settings.DEFAULT_LANGUAGE, *parts[1:])
    return None


def exists(target: Path, docs_dir: Path, *, image: bool = False) -> bool:
    candidates = [target] + [p for p in [_fallback(target, docs_dir)] if p]
    media_dir = docs_dir / MEDIA_ROOT
    for path in candidates:
        if path.exists():
            return True
        if image and path.parent.parent == media_dir:
            # buoc-2.png may be drawn from buoc-2.yml, or published as buoc-2.webp.
            if any(path.with_suffix(ext).exists() for ext in MEDIA_SOURCES):
                return True
    return False


def _suggestion(target: Path) -> str:
    """'Có phải ý bạn là …?' for a file of nearly the same name in the same folder."""
    folder = target.parent
    if not folder.is_dir():
        return ""
    try:
        names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return ""
    same_case = [n for n in names if n.lower() == target.name.lower()]
    if same_case:
        return (f"Tên tệp thật là “{same_case[0]}”: chữ hoa, chữ thường phải viết đúng như tên tệp "
                "(Windows không phân biệt nhưng máy dựng trang thì có). ")
    close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.75)
    return f"Có phải ý bạn là “{close[0]}”? " if close else ""


def check(doc: Document, links: list[Link], docs_dir: Path, root: Path) -> list[Finding]:
    if doc.kind not in ("page", "markdown"):
        return []
    docs_dir = docs_dir.resolve()
    out: list[Finding] = []
    known: dict[tuple[Path, bool], bool] = {}  # a page repeating one link costs one look-up
    hints: dict[Path, str] = {}
    for link in links:
        url = link.url.strip()
        if link.kind not in CHECKED_KINDS or not is_local(url):
            continue
        if BACKSLASH.search(url):
            fixed = BACKSLASH.sub("/", url)
            out.append(doc.at(link.offset, "LINK-BACKSLASH",
                              f"Đường dẫn “{url}” dùng dấu \\ kiểu Windows; trên web phải viết “{fixed}”"))
            continue
        target = target_path(doc.path, url)
        if target is None:
            continue
        ext = target.suffix.lower()
        image = link.kind == "image" or ext in IMAGE_EXTS
        if not (image or ext == ".md" or ext in MEDIA_EXTS):
            continue  # folders, generated files (handouts…): left to the build
        key = (target, image)
        if key not in known:
            known[key] = exists(target, docs_dir, image=image)
        if known[key]:
            continue
        shown = relative(target, root)
        try:
            target.relative_to(docs_dir)
        except ValueError:
            out.append(doc.at(link.offset, "LINK-BROKEN",
                              f"“{url}” trỏ ra ngoài thư mục docs/ ({shown}): trang web không có tệp đó",
                              "Chỉ liên kết tới tệp trong docs/; đếm lại số “../” so với vị trí của trang."))
            continue
        if target not in hints:
            hints[target] = _suggestion(target)
        hint = hints[target]
        if image or ext in MEDIA_EXTS:
            what = "Ảnh" if image else "Tệp"
            out.append(doc.at(link.offset, "LINK-IMAGE", f"{what} “{url}” không có: không thấy {shown}",
                              hint or (_IMAGE_HINT if image else "Kiểm tra tên và thư mục của tệp.")))
        else:
            out.append(doc.at(link.offset, "LINK-BROKEN", f"Liên kết “{url}” trỏ tới trang không có: {shown}",
                              hint + "Sửa đường dẫn (tính từ thư mục của trang này) hoặc tạo trang còn thiếu."))
    return out


_IMAGE_HINT = ("Ảnh của bài nằm trong docs/huong-dan/<tên-bài>/; từ trang docs/vi/huong-dan/<tên-bài>.md viết "
               "../../huong-dan/<tên-bài>/buoc-2.png. Chưa có ảnh chụp thì viết tệp buoc-2.yml có phần 'sketch:'.")


def links_to(target: Path, pages: list[tuple[Document, list[Link]]]) -> list[tuple[str, int]]:
    """(page, line) of every link among ``pages`` that points at ``target``."""
    target = Path(os.path.normpath(target))
    found = []
    for doc, doc_links in pages:
        for link in doc_links:
            if link.kind in CHECKED_KINDS and is_local(link.url):
                path = target_path(doc.path, link.url.strip())
                if path == target or (path is not None and posixpath.splitext(str(path))[0] == str(target.with_suffix(""))
                                      and target.suffix.lower() in MEDIA_SOURCES and path.suffix.lower() in MEDIA_SOURCES):
                    found.append((doc.name, doc.pos(link.offset)[0]))
    return found
