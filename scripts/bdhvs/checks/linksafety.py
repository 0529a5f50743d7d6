"""Check 4: link safety. These guides teach people to avoid scams, so they set the
example: https only, official domains only (data/domains.yml), no URL shorteners, no
javascript:/data: URLs, and link text that looks like an address must be that address."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from bdhvs.checks.data import ProjectData
from bdhvs.checks.links import Link
from bdhvs.checks.source import Document
from bdhvs.findings import Finding

DANGEROUS_SCHEMES = {"javascript", "data", "vbscript", "file"}
_LOOKS_LIKE_URL = re.compile(r"^\s*(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(/[^\s]*)?\s*$", re.I)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def check_url(doc: Document, link: Link, data: ProjectData) -> list[Finding]:
    url = link.url.strip()
    scheme = url.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
    if scheme in DANGEROUS_SCHEMES:
        return [doc.at(link.offset, "HTML-URL-SCHEME", f"Địa chỉ “{url[:40]}” dùng dạng {scheme}: không an toàn")]
    if scheme not in ("http", "https"):
        return []
    host = host_of(url)
    if scheme == "http":
        return [doc.at(link.offset, "URL-HTTP", f"“{url[:80]}” dùng http://, không được mã hoá")]
    if not host:
        return [doc.at(link.offset, "URL-DOMAIN", f"“{url[:80]}” không có tên miền hợp lệ")]
    if link.kind == "video":
        return []  # embeds are allowed per video in data/videos.yml (checked by the media build)
    if host in data.shorteners:
        return [doc.at(link.offset, "URL-SHORTENER", f"“{host}” là dịch vụ rút gọn liên kết")]
    entry = data.domains.get(host)
    if entry is None and link.kind == "source" and ("." + host).endswith(data.source_suffixes or ("\0",)):
        return []  # a government site cited as a source (registration of these names is restricted)
    if entry is None:
        return [doc.at(link.offset, "URL-DOMAIN", f"Tên miền “{host}” chưa có trong data/domains.yml")]
    if not entry.allowed:
        code = "URL-UNVERIFIED" if entry.status == "uncertain" else "URL-DOMAIN"
        state = "chưa được xác minh" if entry.status == "uncertain" else "không tìm thấy bằng chứng là trang chính thức"
        # A listed-but-unverified publisher cited as a source is a warning; a link in the text is an error.
        severity = "warning" if code == "URL-UNVERIFIED" and link.kind == "source" else None
        return [doc.at(link.offset, code, f"Tên miền “{host}” ({entry.owner}) {state}", severity=severity)]
    if entry.use == "source" and link.kind != "source":
        return [doc.at(link.offset, "URL-DOMAIN", f"“{host}” ({entry.owner}) chỉ được ghi làm nguồn, không đặt liên kết trong bài",
                       "Dẫn người đọc tới trang chính thức; bài báo thì ghi vào sources: ở phần đầu trang.")]
    if entry.prefixes and not any(_same_prefix(url, p) for p in entry.prefixes):
        return [doc.at(link.offset, "URL-DOMAIN", f"Chỉ được liên kết tới {', '.join(entry.prefixes)} trên “{host}”")]
    return []


def _same_prefix(url: str, prefix: str) -> bool:
    norm = lambda u: re.sub(r"^https://(www\.)?", "https://", u)  # noqa: E731
    return norm(url).startswith(norm(prefix))


def check_text(doc: Document, link: Link) -> list[Finding]:
    if not link.text or link.kind not in ("markdown", "html"):
        return []
    m = _LOOKS_LIKE_URL.match(link.text.strip("*_` "))
    if not m:
        return []
    shown_host = m.group(1).lower().removeprefix("www.")
    real_host = host_of(link.url) if "://" in link.url else ""
    shown_path = (m.group(2) or "").rstrip("/")
    ok = shown_host == real_host
    if ok and shown_path:
        real_path = urlsplit(link.url).path.rstrip("/")
        ok = real_path.startswith(shown_path) or shown_path.startswith(real_path or "/")
    if ok:
        return []
    return [doc.at(link.offset, "URL-TEXT-MISMATCH",
                   f"Chữ hiển thị “{link.text.strip()}” nhưng liên kết tới “{link.url[:80]}”")]


def check(doc: Document, links: list[Link], data: ProjectData) -> list[Finding]:
    out: list[Finding] = []
    for link in links:
        out += check_url(doc, link, data)
        out += check_text(doc, link)
    return out
