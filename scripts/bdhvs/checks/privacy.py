"""Check 8: privacy. No citizen ID numbers (12 digits), phone numbers or e-mail
addresses in content unless they are official entries of data/hotlines.yml; images under
docs/ carry no EXIF or GPS metadata (read with Pillow)."""
from __future__ import annotations

import re
from pathlib import Path

from bdhvs.checks.codes import finding
from bdhvs.checks.data import ProjectData, digits
from bdhvs.checks.prose import Spans
from bdhvs.checks.source import Document
from bdhvs.findings import Finding, relative

_SEP = r"[ .\-]?"
ID_NUMBER = re.compile(rf"(?<![\w.,/-])\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}(?![\w/-]|[.,]\d)")
PHONE = re.compile(
    rf"(?<![\w.,/-])(?:\+84{_SEP}|\(\+84\){_SEP}|0)\d(?:{_SEP}\d){{8,9}}(?![\w/-]|[.,]\d)"  # 10–11 digit numbers
    rf"|(?<![\w.,/-])1[89]00{_SEP}\d(?:{_SEP}\d){{3,5}}(?![\w/-]|[.,]\d)"  # 1900/1800 hotlines
)
SHORT_CODE = re.compile(r"(?<![\w.,/-])(?:1[0-9]{2}|[1-9][0-9]{3})(?![\w/%-]|[.,]\d)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\"'`]+|www\.[^\s<>()\"'`]+", re.I)
# A 3–4 digit number is a phone number only right after words that say so ("gọi 113").
_PHONE_CONTEXT = re.compile(
    r"(?:gọi|gọi điện|gọi tới|gọi đến|gọi vào|tổng đài|đường dây nóng|hotline|nhắn tin|nhắn|"
    r"số điện thoại|sđt|đầu số)(?:\s+(?:tới|đến|về|vào|số))?[\s:]*\**$", re.I)


def _urls_blanked(text: str) -> str:
    return _URL.sub(lambda m: " " * len(m.group()), text)


def check(doc: Document, data: ProjectData) -> list[Finding]:
    text = _urls_blanked(doc.text)
    out: list[Finding] = []
    ids = []
    for m in ID_NUMBER.finditer(text):
        ids.append((m.start(), m.end()))
        out.append(doc.at(m.start(), "PRIV-ID-NUMBER", f"Dãy số “{m.group()}” có 12 chữ số"))
    id_spans = Spans(ids)
    for m in PHONE.finditer(text):
        if m.start() in id_spans:
            continue
        entry = data.hotlines.get(digits(m.group()))
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        note = f" (có trong data/hotlines.yml nhưng trạng thái “{entry['status']}”)" if entry else ""
        out.append(doc.at(m.start(), "PRIV-PHONE", f"Số điện thoại “{m.group()}”{note}"))
    # Short codes (156, 5656…) only count as phone numbers where the text says so.
    for m in SHORT_CODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _PHONE_CONTEXT.search(text[line_start:m.start()]) and m.group() not in data.hotlines:
            if not re.match(r"(19|20)\d\d$", m.group()):  # a year
                out.append(doc.at(m.start(), "PRIV-PHONE", f"Số điện thoại “{m.group()}” không có trong data/hotlines.yml"))
    for m in EMAIL.finditer(doc.text):
        address = m.group().lower()
        entry = data.emails.get(address)
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        out.append(doc.at(m.start(), "PRIV-EMAIL", f"Địa chỉ thư “{m.group()}”"))
    return out


GPS_TAG = 0x8825
_EXIF_IGNORED = {0x0128, 0x0213, 0x011A, 0x011B, 0xA001, 0x0112}  # resolution, orientation, colour space


def check_image(path: Path, root: Path) -> list[Finding]:
    from PIL import Image, UnidentifiedImageError

    name = relative(path, root)
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            has_gps = bool(exif.get_ifd(GPS_TAG)) or GPS_TAG in exif
            tags = {k for k in exif if k not in _EXIF_IGNORED and k != GPS_TAG}
            xmp = "xmp" in image.info or "XML:com.adobe.xmp" in image.info
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        return [finding(name, 1, 1, "PRIV-IMAGE-BAD", f"Không mở được ảnh: {exc.__class__.__name__}")]
    if has_gps:
        return [finding(name, 1, 1, "PRIV-GPS")]
    if tags or xmp:
        return [finding(name, 1, 1, "PRIV-EXIF", f"Ảnh còn {len(tags) + (1 if xmp else 0)} mục siêu dữ liệu")]
    return []
