"""Read and validate a contribution package (JSON text, files in base64) made by the
contributors' phone pages (overrides/assets/javascripts/contrib.js).

Everything is checked before anything is written; any problem refuses the WHOLE package
with one Vietnamese message listing every reason (PackageError). What is checked:

- size of the package (MAX_PACKAGE) and of each file; UTF-8 JSON of the expected shape;
- the guide exists; step numbers exist in the guide; dates are real dates, not in the future;
- file names: no folders, no ``..``, no absolute paths, no backslashes (names are never
  used as paths, but a package that tries is refused);
- file types by their first bytes (PNG; WebM or Ogg for recordings), images readable;
- every declared redaction box of a screenshot is ONE flat colour in the pixels
  (media/redact.py, the PRIV-UNREDACTED rule of `bdhvs check`);
- the texts go through `bdhvs check`'s own checks (HTML and script, personal data,
  encoding and control characters): see text_findings().
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from bdhvs import settings
from bdhvs.contrib import steps as steps_mod
from bdhvs.media import redact

FORMAT = "bdhvs-gop-y"
KINDS = {"review": "kiểm tra từng bước", "feedback": "góp ý", "ede": "dịch và đọc tiếng Êđê"}
MAX_PACKAGE = 5 * 1024 * 1024
MAX_IMAGE = 2 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
MAX_TEXT = 4000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WEBM_MAGIC = b"\x1a\x45\xdf\xa3"
OGG_MAGIC = b"OggS"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9]+)+$")
RESULTS = {"giong": "giống", "khac": "khác"}
FEEDBACK_WHAT = {"buoc-sai": "Một bước sai hoặc khác màn hình", "lien-ket-hong": "Liên kết không mở được",
                 "khac": "Điều khác"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class PackageError(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__("\n".join(reasons))
        self.reasons = reasons


@dataclass
class Screenshot:
    step: int
    png: bytes  # re-encoded, no metadata
    boxes: list[tuple[int, int, int, int]]


@dataclass
class Recording:
    step: int
    data: bytes
    container: str  # "webm" | "ogg"


@dataclass
class Package:
    kind: str
    guide: steps_mod.GuideSteps
    created: str
    role: str = ""
    date: str = ""
    items: list[dict] = field(default_factory=list)  # review: step, result, note; ede: step, text
    screenshots: list[Screenshot] = field(default_factory=list)
    recordings: list[Recording] = field(default_factory=list)
    what: str = ""
    step: int = 0
    message: str = ""
    link: str = ""

    def texts(self) -> list[tuple[str, str]]:
        """(where, text) of every text a person typed, for the checks."""
        out = [("vai trò", self.role), ("góp ý", self.message), ("liên kết", self.link)]
        for item in self.items:
            for key in ("note", "text"):
                if item.get(key):
                    out.append((f"bước {item['step']}", item[key]))
        return [(w, t) for w, t in out if t]


def read(path: Path, lang_dir: Path) -> Package:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageError([f"không mở được tệp {path.name}: {exc.strerror or exc}"]) from None
    if size > MAX_PACKAGE:
        raise PackageError([f"gói nặng {size / 1048576:.1f} MB, quá giới hạn {MAX_PACKAGE // 1048576} MB. "
                            "Cách sửa: nhờ người gửi bỏ bớt ảnh hoặc ghi âm ngắn hơn, rồi tạo gói mới."])
    raw = path.read_bytes()
    try:
        # utf-8-sig: a package opened and saved again in Windows Notepad starts with a BOM.
        # ValueError also covers numbers too long to read; RecursionError, nesting too deep.
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError([f"{path.name} không phải gói góp ý (không đọc được dạng JSON UTF-8). "
                            "Cách sửa: nhờ người gửi tạo lại gói trên trang góp ý."]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != 1:
        raise PackageError([f"{path.name} không phải gói góp ý của trang (thiếu format: {FORMAT}, version: 1)."])
    return _validate(data, lang_dir)


def _text(data: dict, key: str, reasons: list[str], where: str, limit: int = MAX_TEXT) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        reasons.append(f"{where}: '{key}' phải là chữ.")
        return ""
    if len(value) > limit:
        reasons.append(f"{where}: chữ dài {len(value)} ký tự, quá {limit}.")
    if _CONTROL.search(value):
        reasons.append(f"{where}: có ký tự điều khiển hoặc ký tự ẩn (đảo chiều chữ…). Cách sửa: gõ lại đoạn chữ.")
    return value.strip()


def _date(value, where: str, reasons: list[str]) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        reasons.append(f"{where}: ngày '{value}' sai, cần NĂM-THÁNG-NGÀY.")
        return ""
    if day > dt.date.today() or day.year < 2020:
        reasons.append(f"{where}: ngày {day.isoformat()} ở tương lai hoặc trước năm 2020.")
    return day.isoformat()


def _name(value, where: str, reasons: list[str]) -> bool:
    if not isinstance(value, str) or not SAFE_NAME.match(value) or ".." in value:
        shown = str(value)[:80]
        reasons.append(f"{where}: tên tệp '{shown}' không hợp lệ (có thư mục, '..', '/', '\\' hay chữ lạ). "
                       "Gói bị từ chối: tên tệp chỉ được là chữ thường không dấu, số, gạch ngang.")
        return False
    return True


def _file(entry, where: str, reasons: list[str], magic: tuple[bytes, ...], limit: int) -> bytes | None:
    if not isinstance(entry, dict):
        reasons.append(f"{where}: tệp kèm theo sai dạng.")
        return None
    if not _name(entry.get("name"), where, reasons):
        return None
    try:
        blob = base64.b64decode(str(entry.get("data", "")), validate=True)
    except (binascii.Error, ValueError):
        reasons.append(f"{where}: nội dung tệp {entry['name']} hỏng (không phải base64).")
        return None
    if len(blob) > limit:
        reasons.append(f"{where}: tệp {entry['name']} nặng {len(blob):,} byte, quá {limit:,} byte.")
        return None
    if not blob.startswith(magic):
        reasons.append(f"{where}: tệp {entry['name']} không đúng loại (nội dung không phải "
                       f"{'ảnh PNG' if magic == (PNG_MAGIC,) else 'âm thanh Opus (WebM/Ogg)'}).")
        return None
    return blob


def _screenshot(step: int, entry: dict, reasons: list[str]) -> Screenshot | None:
    where = f"bước {step}, ảnh"
    blob = _file(entry, where, reasons, (PNG_MAGIC,), MAX_IMAGE)
    if blob is None:
        return None
    try:
        image = Image.open(io.BytesIO(blob))
        if image.format != "PNG" or max(image.size) > MAX_IMAGE_SIDE:
            raise ValueError
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        reasons.append(f"{where}: không đọc được ảnh PNG (hoặc ảnh lớn hơn {MAX_IMAGE_SIDE} điểm ảnh).")
        return None
    boxes = []
    raw_boxes = entry.get("boxes") or []
    if not isinstance(raw_boxes, list):
        reasons.append(f"{where}: danh sách vùng che sai dạng (cần [[x, y, rộng, cao], …]).")
        raw_boxes = []
    for raw in raw_boxes:
        if not (isinstance(raw, list) and len(raw) == 4 and all(isinstance(v, int) and v >= 0 for v in raw)
                and raw[2] > 0 and raw[3] > 0):
            reasons.append(f"{where}: vùng che {raw!r} sai dạng [x, y, rộng, cao].")
            continue
        boxes.append(tuple(raw))
    pixels = redact.upright(image)
    for box in boxes:
        if not redact.is_blank(pixels, box):
            reasons.append(f"{where}: vùng che {list(box)} vẫn còn điểm ảnh thật (chưa tô kín). Gói bị từ chối để "
                           "không lộ thông tin; nhờ người gửi tạo lại gói bằng trang Kiểm tra từng bước.")
    # Re-encode: pixels only, no metadata of any kind.
    clean = Image.new("RGB", pixels.size, "white")
    clean.paste(pixels, mask=pixels.getchannel("A"))
    out = io.BytesIO()
    clean.save(out, "PNG", optimize=True)
    return Screenshot(step, out.getvalue(), boxes)


def _validate(data: dict, lang_dir: Path) -> Package:
    reasons: list[str] = []
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:  # a list or an object is not a kind (nor hashable)
        raise PackageError([f"loại gói '{str(kind)[:40]}' không có; chỉ có: {', '.join(KINDS)}."])
    slug = data.get("guide")
    guide = steps_mod.load(lang_dir, slug) if isinstance(slug, str) and SLUG.match(slug) else None
    if guide is None:
        raise PackageError([f"không có bài hướng dẫn '{str(slug)[:80]}' (docs/vi/huong-dan/…). "
                            "Cách sửa: gói được tạo từ một bản trang khác; nhờ người gửi tạo lại gói."])
    pkg = Package(kind, guide, _date(data.get("created"), "ngày tạo gói", reasons))
    if kind == "feedback":
        what = data.get("what")
        pkg.what = what if isinstance(what, str) and what in FEEDBACK_WHAT else "khac"
        step = data.get("step", 0)
        if not isinstance(step, int) or not 0 <= step <= len(guide.steps):
            reasons.append(f"số bước {step!r} không có trong bài.")
            step = 0
        pkg.step = step
        pkg.message = _text(data, "message", reasons, "góp ý")
        pkg.link = _text(data, "link", reasons, "liên kết", 500)
        if not pkg.message:
            reasons.append("góp ý trống.")
    else:
        pkg.role = _text(data, "role", reasons, "vai trò", 120)
        if not pkg.role:
            reasons.append("thiếu vai trò của người làm (ví dụ: Cán bộ Công an xã).")
        pkg.date = _date(data.get("date"), "ngày làm", reasons)
        items = data.get("steps")
        if not isinstance(items, list) or not items:
            reasons.append("gói không có bước nào.")
            items = []
        seen = set()
        for raw in items:
            step = raw.get("step") if isinstance(raw, dict) else None
            if not isinstance(step, int) or not 1 <= step <= len(guide.steps) or step in seen:
                reasons.append(f"bước {step!r} không có trong bài '{guide.title}' (hoặc ghi hai lần).")
                continue
            seen.add(step)
            where = f"bước {step}"
            if kind == "review":
                result = raw.get("result")
                if not isinstance(result, str) or result not in RESULTS:
                    reasons.append(f"{where}: cần 'giong' hoặc 'khac', không phải {str(result)[:40]!r}.")
                pkg.items.append({"step": step, "result": result, "note": _text(raw, "note", reasons, where)})
                if raw.get("image") is not None:
                    shot = _screenshot(step, raw["image"], reasons)
                    if shot:
                        pkg.screenshots.append(shot)
            else:
                text = _text(raw, "text", reasons, where)
                pkg.items.append({"step": step, "text": text})
                if raw.get("audio") is not None:
                    blob = _file(raw["audio"], f"{where}, ghi âm", reasons, (WEBM_MAGIC, OGG_MAGIC),
                                 settings.AUDIO_BUDGET)
                    if blob is not None:
                        if not text:
                            reasons.append(f"{where}: có ghi âm nhưng thiếu bản chữ tiếng Êđê (lời đọc).")
                        pkg.recordings.append(Recording(step, blob, "webm" if blob.startswith(WEBM_MAGIC) else "ogg"))
    reasons += text_findings(pkg.texts())
    if reasons:
        raise PackageError(reasons)
    return pkg


# Codes of `bdhvs check` that refuse a package's text (the others are about style).
REFUSING = ("HTML-", "PRIV-", "FILE-", "URL-", "TEXT-CONTROL", "TEXT-BIDI", "TEXT-GARBLED", "TEXT-MOJIBAKE")


def text_findings(texts: list[tuple[str, str]]) -> list[str]:
    """Run `bdhvs check`'s checks on the typed texts, as one Markdown file; the reasons
    (Vietnamese) for every finding of a refusing code, said per text."""
    from bdhvs.checks import runner

    if not texts:
        return []
    lines, where_of = [], {}
    for where, text in texts:
        start = len(lines) + 1
        for line in text.replace("\r\n", "\n").split("\n"):
            lines.append(line)
        for n in range(start, len(lines) + 1):
            where_of[n] = where
        lines.append("")
    with tempfile.TemporaryDirectory(prefix="bdhvs-inbox-") as tmp:
        note = Path(tmp) / "gop-y.md"
        note.write_text("\n".join(lines) + "\n", encoding="utf-8")
        options = runner.Options(root=Path(tmp), docs_dir=Path(tmp) / "docs", data_dir=settings.DATA_DIR, style=False)
        found = runner.check_paths([note], options)
    reasons = [f"{where_of.get(f.line, 'chữ')}: {f.code}  {f.message}" + (f" — {f.hint}" if f.hint else "")
               for f in found if f.severity == "error" and f.code.startswith(REFUSING)]
    # Markdown outside docs/ is not checked for raw HTML by runner: the same check, directly.
    from bdhvs.checks import htmlsafety, links
    from bdhvs.checks.source import Document
    doc = Document(note, "gop-y.md", "\n".join(lines) + "\n", "markdown", "vi")
    reasons += [f"{where_of.get(f.line, 'chữ')}: {f.code}  {f.message}" for f in htmlsafety.check(doc, links.extract(doc))]
    text = "\n".join(lines).lower()
    if re.search(r"javascript:|data:text/html|vbscript:", text) and not any("HTML-" in r or "URL-" in r for r in reasons):
        reasons.append("chữ có liên kết chạy mã (javascript:, data:…): gói bị từ chối.")
    return list(dict.fromkeys(reasons))
