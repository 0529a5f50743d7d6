"""Which files under docs/ may reach site/: an allow-list, one rule for `bdhvs check` and
for the build (the feature removes every refused file in MkDocs' ``on_files``).

Published:
- pages (``.md``): MkDocs turns them into HTML, every check reads them;
- in a guide's media folder ``docs/huong-dan/<tên-bài>/`` (the media feature's layout):
  video (.mp4 .webm), audio (.opus .ogg .m4a) and captions (.vtt) as they are; screenshot
  sources (.png .jpg .jpeg .webp), their annotation/redaction YAML and transcripts (.txt)
  are INPUTS: the media feature publishes the processed image (.webp) and never the source.
Refused (a finding at the file, never copied): symbolic links (a link to
/proc/self/environ would publish the build's environment), raw HTML/SVG/JavaScript pages,
installers (.apk, .exe…), images outside a guide's media folder (they would be published
with their original pixels and metadata), and any other kind of file.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bdhvs.checks.codes import finding
from bdhvs.findings import Finding

MEDIA_ROOT = "huong-dan"  # media.catalog.URI_ROOT (kept here: no Pillow import for a path rule)
PAGE_EXTS = {".md", ".markdown"}
SOURCE_IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp"}  # media.catalog.IMAGE_EXTS
SOURCE_TEXT_EXTS = {".yml", ".yaml", ".txt"}  # annotations / sketches, transcripts
PUBLISHED_MEDIA_EXTS = {".mp4", ".webm", ".opus", ".ogg", ".m4a", ".vtt"}  # media/video.py, media/audio.py
IMAGE_LIKE_EXTS = SOURCE_IMAGE_EXTS | {".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif", ".jfif", ".ico"}
# What an editor is told a refused file is (by extension).
KINDS = {
    ".html": "trang HTML", ".htm": "trang HTML", ".xhtml": "trang HTML", ".shtml": "trang HTML",
    ".svg": "ảnh SVG (có thể chứa mã chạy)", ".svgz": "ảnh SVG (có thể chứa mã chạy)",
    ".js": "mã JavaScript", ".mjs": "mã JavaScript", ".css": "tệp định dạng CSS", ".json": "tệp dữ liệu JSON",
    ".xml": "tệp XML", ".php": "mã PHP", ".wasm": "mã chạy WebAssembly",
    ".apk": "tệp cài ứng dụng Android", ".xapk": "tệp cài ứng dụng Android", ".aab": "tệp cài ứng dụng Android",
    ".ipa": "tệp cài ứng dụng iPhone", ".exe": "tệp chạy Windows", ".msi": "tệp cài Windows",
    ".bat": "tệp lệnh Windows", ".cmd": "tệp lệnh Windows", ".ps1": "tệp lệnh Windows", ".sh": "tệp lệnh",
    ".jar": "tệp chạy Java", ".dmg": "tệp cài macOS", ".deb": "tệp cài Linux",
    ".zip": "tệp nén", ".rar": "tệp nén", ".7z": "tệp nén", ".gz": "tệp nén", ".tar": "tệp nén",
    ".pdf": "tệp PDF", ".doc": "tệp Word", ".docx": "tệp Word", ".xls": "tệp Excel", ".xlsx": "tệp Excel",
    ".ppt": "tệp PowerPoint", ".pptx": "tệp PowerPoint",
}
FIX_FILE = ("Xoá tệp này khỏi docs/. Trang của xã chỉ đăng trang .md và ảnh, âm thanh, video, phụ đề của bài "
            "đặt trong docs/huong-dan/<tên-bài>/. Muốn dẫn tới một ứng dụng hay biểu mẫu thì đặt liên kết tới "
            "trang chính thức (kho ứng dụng, Cổng dịch vụ công), không đăng tệp lên trang.")
FIX_IMAGE = ("Chuyển ảnh vào thư mục docs/huong-dan/<tên-bài>/ (ví dụ docs/huong-dan/kich-hoat-tai-khoan/buoc-2.png, "
             "kèm buoc-2.yml nếu cần che thông tin): ở đó ảnh được che, xoá siêu dữ liệu và nén trước khi đăng; "
             "ảnh gốc không bao giờ được đăng.")
FIX_LINK = ("Xoá liên kết tượng trưng (symlink) này; nếu cần tệp đó, chép tệp thật (đã kiểm tra) vào đúng thư mục. "
            "Trang không bao giờ đăng tệp qua liên kết: liên kết có thể trỏ tới tệp bí mật của máy dựng trang.")


@dataclass(frozen=True)
class Verdict:
    published: bool
    code: str = ""
    message: str = ""
    hint: str = ""


ALLOWED = Verdict(True)


def _kind(ext: str) -> str:
    return KINDS.get(ext, f"tệp đuôi “{ext}”" if ext else "tệp không có đuôi")


def _linked(path: Path, docs_dir: Path) -> Path | None:
    """The symbolic link on the way from ``docs_dir`` to ``path`` (the file itself or a
    folder), or None. ``path`` is as MkDocs found it (links not resolved)."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(docs_dir))
    except ValueError:
        return None
    current = Path(os.path.abspath(docs_dir))
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def verdict(rel: str, *, symlink: Path | None = None, target: str = "") -> Verdict:
    """May the file at ``rel`` (POSIX path relative to docs/) be published?"""
    name = f"docs/{rel}"
    if symlink is not None:
        where = "" if not target else f" tới “{target}”"
        return Verdict(False, "PUB-SYMLINK", f"“{name}” là liên kết tượng trưng (symlink){where}: không được đăng lên trang",
                       FIX_LINK)
    path = PurePosixPath(rel)
    ext = path.suffix.lower()
    if path.suffix in PAGE_EXTS:
        return ALLOWED
    if ext in PAGE_EXTS:  # MkDocs only builds ".md" in lower case: "x.MD" would be copied as it is
        return Verdict(False, "PUB-FILE", f"Tệp “{name}” có đuôi “{path.suffix}” viết hoa: MkDocs không dựng nó thành "
                       "trang mà đăng nguyên văn (kể cả mã HTML trong tệp), nên tệp không được đăng",
                       f"Đổi đuôi tệp thành “{ext}” (chữ thường), ví dụ {path.stem}{ext}.")
    in_media = len(path.parts) == 3 and path.parts[0] == MEDIA_ROOT
    if in_media and ext in SOURCE_IMAGE_EXTS | SOURCE_TEXT_EXTS | PUBLISHED_MEDIA_EXTS:
        return ALLOWED
    if ext in IMAGE_LIKE_EXTS:
        if in_media:
            return Verdict(False, "PUB-IMAGE", f"Ảnh “{name}” dạng {ext} không xử lý được nên không được đăng",
                           "Lưu lại ảnh dạng PNG hoặc JPEG (cùng tên) trong thư mục này; trang sẽ che, xoá siêu dữ liệu và nén ảnh.")
        return Verdict(False, "PUB-IMAGE",
                       f"Ảnh “{name}” nằm ngoài thư mục ảnh của bài nên sẽ bị đăng nguyên gốc (điểm ảnh thật, siêu dữ liệu): "
                       "không được đăng", FIX_IMAGE)
    if ext in SOURCE_TEXT_EXTS | PUBLISHED_MEDIA_EXTS:
        return Verdict(False, "PUB-FILE", f"Tệp “{name}” ({_kind(ext)}) chỉ dùng được trong thư mục docs/huong-dan/<tên-bài>/: "
                       "ở chỗ này nó sẽ bị đăng nguyên văn", FIX_FILE)
    return Verdict(False, "PUB-FILE", f"Tệp “{name}” ({_kind(ext)}) không được đăng lên trang web", FIX_FILE)


def judge(path: Path, docs_dir: Path) -> Verdict:
    """Verdict for a file found under ``docs_dir`` (symbolic links not followed)."""
    rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(docs_dir)).as_posix()
    link = _linked(path, docs_dir)
    target = ""
    if link is not None:
        try:
            target = os.readlink(link)
        except OSError:
            target = ""
        return verdict(rel, symlink=link, target=target)
    try:
        regular = path.is_dir() or stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        regular = False
    if not regular:  # a named pipe or a device would hang or flood the build that reads it
        return Verdict(False, "PUB-FILE", f"“docs/{rel}” không phải tệp thường (ống dẫn, thiết bị…): không được đăng", FIX_FILE)
    v = verdict(rel)
    if v.published and path.suffix.lower() in PUBLISHED_MEDIA_EXTS:
        return _content_verdict(path, rel)
    return v


# Files published as they are must hold what their name says: an HTML page renamed
# "video.mp4" or a caption file that is not WebVTT is refused (sniffing browsers, downloads).
_SIGNATURES = {
    ".mp4": ("video MP4", lambda head: head[4:8] == b"ftyp"),
    ".m4a": ("âm thanh M4A", lambda head: head[4:8] == b"ftyp"),
    ".webm": ("video WebM", lambda head: head.startswith(b"\x1a\x45\xdf\xa3")),
    ".ogg": ("âm thanh Ogg", lambda head: head.startswith(b"OggS")),
    ".opus": ("âm thanh Opus", lambda head: head.startswith(b"OggS")),
    ".vtt": ("phụ đề WebVTT", lambda head: head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")),
}


# WebVTT cue text may only use its own tags (<b> <i> <u> <c.x> <v Tên> <lang vi> <ruby> <rt>
# and timestamps <00:01.000>); anything else (<script>, <img onerror=…>) is not a caption.
_VTT_OTHER_TAG = re.compile(r"<(?!/?(?:c|i|b|u|v|lang|ruby|rt)(?=[\s.>])|\d)[^>\n]*>", re.I)


def _html_in_captions(path: Path) -> bool:
    try:
        text = path.read_bytes()[:2_000_000].decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_VTT_OTHER_TAG.search(text))


def _content_verdict(path: Path, rel: str) -> Verdict:
    kind, matches = _SIGNATURES[path.suffix.lower()]
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        head = b""
    if matches(head) and not (path.suffix.lower() == ".vtt" and _html_in_captions(path)):
        return ALLOWED
    return Verdict(False, "PUB-FILE", f"Tệp “docs/{rel}” mang đuôi {path.suffix} nhưng nội dung không phải {kind} "
                   "(có thể là trang HTML hay tệp khác bị đổi tên, hoặc phụ đề có thẻ HTML lạ): không được đăng",
                   f"Xuất lại tệp bằng phần mềm làm {kind} (phụ đề: tệp phải bắt đầu bằng dòng WEBVTT), "
                   "rồi đặt lại vào thư mục của bài.")


def as_finding(v: Verdict, name: str) -> Finding:
    return finding(name, 1, 1, v.code, v.message, v.hint)


def _hidden(parts) -> bool:
    return any(part.startswith(".") or part in {"__pycache__", "node_modules"} for part in parts)


def check_tree(docs_dir: Path, root: Path, start: Path | None = None) -> list[Finding]:
    """Every refused file under ``start`` (default: all of docs/), symbolic links included
    (reported, never followed). Hidden files and folders are skipped: MkDocs never publishes them."""
    out: list[Finding] = []
    start = start or docs_dir
    docs_abs = os.path.abspath(docs_dir)
    for folder, dirs, files in os.walk(start, followlinks=False):
        rel_folder = Path(os.path.abspath(folder)).relative_to(docs_abs)
        if _hidden(rel_folder.parts):
            dirs[:] = []
            continue
        for name in sorted(dirs):
            if (Path(folder) / name).is_symlink() and not name.startswith("."):
                files.append(name)  # MkDocs follows folder links: report the link itself
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
        for name in sorted(set(files)):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            v = judge(path, docs_dir)
            if not v.published:
                out.append(as_finding(v, _relative(path, root)))
    return out


def linked_folders(docs_dir: Path, root: Path) -> list[Finding]:
    """PUB-SYMLINK for every folder link under docs/ (not followed)."""
    out: list[Finding] = []
    for folder, dirs, _files in os.walk(docs_dir, followlinks=False):
        for name in dirs:
            path = Path(folder) / name
            if path.is_symlink():  # hidden ones too: MkDocs walks them before excluding
                out.append(as_finding(judge(path, docs_dir), _relative(path, root)))
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
    return sorted(out)


def check_paths(paths: list[Path], docs_dir: Path, root: Path) -> list[Finding]:
    """The allow-list for what `bdhvs check` was given: folders inside (or holding) docs/,
    single files under docs/."""
    out: list[Finding] = []
    docs_abs = Path(os.path.abspath(docs_dir))
    for path in paths:
        here = Path(os.path.abspath(path))
        if here == docs_abs or docs_abs in here.parents:
            if here.is_dir() and not here.is_symlink():
                out += check_tree(docs_dir, root, here)
            elif here.exists() or here.is_symlink():
                v = judge(here, docs_dir)
                if not v.published:
                    out.append(as_finding(v, _relative(here, root)))
        elif here.is_dir() and here in docs_abs.parents:
            out += check_tree(docs_dir, root)
    return out


def is_linked(path: Path, docs_dir: Path) -> bool:
    return _linked(path, docs_dir) is not None


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()
