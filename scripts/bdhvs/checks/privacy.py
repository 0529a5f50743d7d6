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

# Rules, not examples. A number is written with digits and, between any two of them, at
# most two separators an editor or a copied web page may use: spaces of every kind (no-break,
# thin, narrow, figure, ideographic), invisible characters (zero-width, soft hyphen), dots,
# dashes of every kind, underscores, middle dots and brackets. Never across a line break.
_SEPCHARS = (r" \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # spaces
             r"\u200b-\u200d\u2060\ufeff\u00ad"  # invisible
             r".\-\u2010-\u2015\u2212_\u00b7")  # dots, dashes, underscore, middle dot
_S = rf"[{_SEPCHARS}]"
_SB = rf"[{_SEPCHARS}()]"  # also brackets: "(0) 905", "(0905) 123 456"
_END = r"(?!\d)(?![.,\-\u2010-\u2015]\d)"  # not the first part of a longer number
# Citizen ID (CCCD / số định danh cá nhân): 12 digits.
ID_NUMBER = re.compile(rf"(?<![\w+])(?<!\d{_S})\d(?:{_S}{{0,2}}\d){{11}}{_END}(?![\w])")
# Inside a web address (query, path, fragment): 12 digits that start like a CCCD (province
# code 001–096), bounded by anything but letters and digits.
ID_IN_URL = re.compile(r"(?<![A-Za-z0-9])0(?:0[1-9]|[1-8]\d|9[0-6])\d{9}(?![A-Za-z0-9])")
_CURRENCY = re.compile(r"\s*(?:đồng|đ\b|₫|vnđ|vnd|triệu|tỷ)", re.I)
# Vietnamese phone numbers: national (0 + 9–10 digits), or after the country code
# (+84, 0084, (+84), (84), or 84 written without +) 9–10 digits, with an optional "(0)".
_NATIONAL = rf"[1-9](?:{_SB}{{0,3}}\d){{8,9}}"
PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00){_S}{{0,2}}84|\({_S}{{0,2}}\+?{_S}{{0,2}}84{_S}{{0,2}}\)|84(?={_SB}{{0,3}}(?:\(\s*0\s*\)|[235789])))"
    rf"(?:{_SB}{{0,3}}\(?{_S}{{0,2}}0{_S}{{0,2}}\)?)?{_SB}{{0,3}}{_NATIONAL}{_END}(?!\w)"
    rf"|(?<![\w+.,])\(?0{_SB}{{0,3}}\d(?:{_SB}{{0,3}}\d){{8,9}}{_END}(?!\w)"  # 10–11 digit numbers (not inside 1.000)
    rf"|(?<![\w.,/-])1[89]00{_S}{{0,2}}\d(?:{_S}{{0,2}}\d){{3,5}}{_END}(?![\w/-])"  # 1900/1800 hotlines
)
SHORT_CODE = re.compile(r"(?<![\w.,/-])(?:1[0-9]{2}|[1-9][0-9]{3})(?![\w/%-]|[.,]\d)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# E-mail addresses written so machines miss them: "a [at] b [dot] vn", "a(at)b.vn",
# "a @ b . vn", "a＠b.vn", "canbo a còng gmail chấm com".
_AT = (r"(?:[ \t]*(?:[@＠﹫]|%40)[ \t]*|[ \t]*[\[(<{][ \t]*(?:at|@|a[ \t]?còng)[ \t]*[\])>}][ \t]*"
       r"|[ \t]+a[ \t]?còng[ \t]+)")
_DOT = (r"(?:[ \t]*[.。．][ \t]*|[ \t]*[\[(<{][ \t]*(?:dot|chấm|\.)[ \t]*[\])>}][ \t]*"
        r"|[ \t]+(?:dot|chấm)[ \t]+)")
_DOT_WORD = r"(?:[ \t]*[\[(<{][ \t]*(?:dot|chấm|\.)[ \t]*[\])>}][ \t]*|[ \t]+(?:dot|chấm)[ \t]+)"
EMAIL_WRITTEN = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,}}(?![\w])"
    # the bare word "at" only with a spelled-out dot ("a at b dot vn"): English "at all." is text
    rf"|(?<![\w.+-])[\w.+-]+[ \t]+at[ \t]+[\w-]+(?:{_DOT_WORD}[\w-]+)*{_DOT_WORD}[A-Za-z]{{2,}}(?![\w])", re.I)
_EMAIL_HINT = re.compile(r"[@＠﹫]|%40|\bat\b|còng", re.I)  # cheap test before the slow pattern
_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\"'`]+|www\.[^\s<>()\"'`]+", re.I)
# A 3–4 digit number is a phone number only right after words that say so ("gọi 113").
_PHONE_CONTEXT = re.compile(
    r"(?:gọi|gọi điện|gọi tới|gọi đến|gọi vào|tổng đài|đường dây nóng|hotline|nhắn tin|nhắn|"
    r"số điện thoại|sđt|đầu số)(?:\s+(?:tới|đến|về|vào|số))?[\s:]*\**$", re.I)


# What Markdown or HTML hides between two digits but the reader never sees: emphasis marks,
# code ticks, inline tags (066**195**001234, 0905<b>123</b>456) and character references
# (&#48;66…). The rendered view drops them, keeping where each character came from.
_INLINE_MARKUP = re.compile(r"\*{1,3}|`{1,3}|~~|</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,80})?>|&#[xX]?[0-9A-Fa-f]{1,7};|&[A-Za-z]{2,10};")


def _rendered_view(text: str) -> tuple[str, list[int]]:
    import html as html_mod

    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _INLINE_MARKUP.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i])
            where.append(i)
        token = m.group()
        if token.startswith("&"):
            decoded = html_mod.unescape(token)
            for ch in decoded if decoded != token else token:
                out.append(ch)
                where.append(m.start())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        where.append(i)
    return "".join(out), where


def _hidden_by_markup(text: str, seen: set[int]) -> list[tuple[str, int, str]]:
    """(code, offset in ``text``, number as the reader sees it) for ID and phone numbers
    that only appear once inline markup and character references are taken out."""
    if not _INLINE_MARKUP.search(text):
        return []
    view, where = _rendered_view(text)
    out = []
    ids = []
    for pattern, code in ((ID_NUMBER, "PRIV-ID-NUMBER"), (PHONE, "PRIV-PHONE")):
        for m in pattern.finditer(view):
            start, end = where[m.start()], where[m.end() - 1] + 1
            if end - start == m.end() - m.start() or any(start <= s < end for s in seen):
                continue  # nothing hidden inside, or already reported on the source text
            if _CURRENCY.match(view, m.end()) or (code == "PRIV-PHONE" and any(a <= m.start() < b for a, b in ids)):
                continue
            if code == "PRIV-ID-NUMBER":
                ids.append((m.start(), m.end()))
            out.append((code, start, m.group()))
    return out


def _urls_blanked(text: str) -> str:
    return _URL.sub(lambda m: " " * len(m.group()), text)


def national(number: str) -> str:
    """Digits of a Vietnamese phone number in national form (0…), whatever the prefix:
    "+84 (0) 905.123.456" and "84905123456" -> "0905123456"."""
    d = digits(number)
    if d.startswith("0084"):
        d = d[4:]
    elif d.startswith("84") and not number.lstrip().startswith("0"):
        d = d[2:]
    return d if d.startswith("0") else "0" + d


def email_address(written: str) -> str:
    """"a [at] b [dot] vn" -> "a@b.vn" (lower case)."""
    at = re.search(_AT, written, re.I) or re.search(r"[ \t]+at[ \t]+", written, re.I)
    local, domain = written[:at.start()], written[at.end():]
    parts = re.split(_DOT, domain, flags=re.I)
    return (local.strip() + "@" + ".".join(p.strip() for p in parts)).lower()


def check(doc: Document, data: ProjectData) -> list[Finding]:
    text = _urls_blanked(doc.text)
    out: list[Finding] = []
    ids = []
    for m in ID_NUMBER.finditer(text):
        if _CURRENCY.match(text, m.end()):
            continue  # an amount of money ("100.000.000.000 đồng")
        ids.append((m.start(), m.end()))
        out.append(doc.at(m.start(), "PRIV-ID-NUMBER", f"Dãy số “{m.group()}” có 12 chữ số"))
    for url in _URL.finditer(doc.text):
        starts = set()
        for m in [*ID_IN_URL.finditer(url.group()), *ID_NUMBER.finditer(url.group())]:
            if m.start() in starts or not ID_IN_URL.fullmatch(digits(m.group())):
                continue  # only what starts like a CCCD (province code 001–096): URLs carry other ids
            starts.add(m.start())
            out.append(doc.at(url.start() + m.start(), "PRIV-ID-NUMBER",
                              f"Địa chỉ web có dãy 12 chữ số “{m.group()}” giống số định danh cá nhân/CCCD"))
    id_spans = Spans(ids)
    phones: set[int] = set()
    for m in PHONE.finditer(text):
        if m.start() in id_spans or _CURRENCY.match(text, m.end()):
            continue  # part of a CCCD, or an amount of money ("500.000 - 1.000.000 đồng")
        phones.add(m.start())
        entry = data.hotlines.get(digits(m.group())) or data.hotlines.get(national(m.group()))
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        note = f" (có trong data/hotlines.yml nhưng trạng thái “{entry['status']}”)" if entry else ""
        out.append(doc.at(m.start(), "PRIV-PHONE", f"Số điện thoại “{m.group().strip()}”{note}"))
    # Short codes (156, 5656…) only count as phone numbers where the text says so.
    for m in SHORT_CODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _PHONE_CONTEXT.search(text[line_start:m.start()]) and m.group() not in data.hotlines:
            if not re.match(r"(19|20)\d\d$", m.group()):  # a year
                out.append(doc.at(m.start(), "PRIV-PHONE", f"Số điện thoại “{m.group()}” không có trong data/hotlines.yml"))
    starts = {a for a, _b in ids} | phones
    for code, start, shown in _hidden_by_markup(text, starts):
        entry = data.hotlines.get(digits(shown)) or data.hotlines.get(national(shown)) if code == "PRIV-PHONE" else None
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        what = "Dãy số" if code == "PRIV-ID-NUMBER" else "Số điện thoại"
        out.append(doc.at(start, code, f"{what} “{shown}” (viết xen ký hiệu định dạng, trên trang vẫn hiện liền)"))
    seen = set()
    for m in EMAIL.finditer(doc.text):
        seen.add(m.start())
        address = m.group().lower()
        entry = data.emails.get(address)
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        out.append(doc.at(m.start(), "PRIV-EMAIL", f"Địa chỉ thư “{m.group()}”"))
    for m in EMAIL_WRITTEN.finditer(doc.text) if _EMAIL_HINT.search(doc.text) else ():
        if m.start() in seen or "\n" in m.group():
            continue
        address = email_address(m.group())
        entry = data.emails.get(address)
        if entry and entry.get("status") in ("ok", "verified"):
            continue
        out.append(doc.at(m.start(), "PRIV-EMAIL", f"Địa chỉ thư “{m.group()}” (viết tách để máy không nhận ra, "
                                                   f"vẫn là địa chỉ {address})"))
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
            # Text written into the file by a phone, an editor or a person: PNG tEXt/zTXt/iTXt
            # chunks ("Author", "Comment", "Description"…) and JPEG/GIF comments.
            texts = [k for k in (image.text if image.format == "PNG" else {}) if k != "XML:com.adobe.xmp"]
            texts += ["comment"] if image.info.get("comment") else []
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        return [finding(name, 1, 1, "PRIV-IMAGE-BAD", f"Không mở được ảnh: {exc.__class__.__name__}")]
    if has_gps:
        return [finding(name, 1, 1, "PRIV-GPS")]
    if tags or xmp or texts:
        written = f" (có chữ ghi kèm trong tệp: {', '.join(sorted(texts))[:80]})" if texts else ""
        return [finding(name, 1, 1, "PRIV-EXIF",
                        f"Ảnh còn {len(tags) + (1 if xmp else 0) + len(texts)} mục siêu dữ liệu{written}")]
    return []
