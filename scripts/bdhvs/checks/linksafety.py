"""Check 4: link safety. These guides teach people to avoid scams, so they set the
example: https only, official domains only (data/domains.yml), no URL shorteners, no
javascript:/data: URLs, and link text that looks like an address must be that address."""
from __future__ import annotations

import re

from bdhvs.checks.data import ProjectData
from bdhvs.checks.links import Link
from bdhvs.checks.source import Document
from bdhvs.findings import Finding
from bdhvs.urls import policy
from bdhvs.urls.policy import host_of

_LOOKS_LIKE_URL = re.compile(r"^\s*(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(/[^\s]*)?\s*$", re.I)


def check_url(doc: Document, link: Link, data: ProjectData) -> list[Finding]:
    """The URL policy (bdhvs.urls.policy: read as a browser reads it) for one link."""
    found = policy.verdict(link.url, link.kind, data)
    if found is None:
        return []
    return [doc.at(link.offset, found.code, found.message, found.hint, severity=found.severity)]


def check_text(doc: Document, link: Link) -> list[Finding]:
    if not link.text or link.kind not in ("markdown", "html"):
        return []
    m = _LOOKS_LIKE_URL.match(link.text.strip("*_` "))
    if not m:
        return []
    shown_host = m.group(1).lower().removeprefix("www.")
    real_host = host_of(link.url)
    shown_path = (m.group(2) or "").rstrip("/")
    ok = shown_host == real_host
    if ok and shown_path:
        real = policy.parse(link.url)
        real_path = (real.path if real else "").rstrip("/")
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
