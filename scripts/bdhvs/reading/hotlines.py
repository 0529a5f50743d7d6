"""Hotlines a reader can tap: official numbers of data/hotlines.yml become links.

Only entries whose ``status`` is ``ok`` or ``verified`` (the same rule as the privacy
check, checks/privacy.py) are linked; ``uncertain`` numbers stay plain text. A number
that only takes text messages ("Nhắn tin …" in its ``what``) opens the messages app
(``sms:``), others the dialler (``tel:``). A 1900 number says, right after it, that the
call costs money (generic wording: the price depends on the carrier).

Short codes (156, 5656) are linked only when they stand alone in bold (``**156**``):
elsewhere "156" may be a count. Numbers in headings, links, code and buttons are left
alone. Works on the page content HTML (MkDocs ``on_page_content``): Markdown escapes
``<`` in text, so a tag scan is exact here.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from pathlib import Path


CONFIRMED = ("ok", "verified")
FEE_NOTE = "gọi số 1900 mất phí"
SHORT = 5  # numbers with fewer digits are short codes
_SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "textarea", "title"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


@dataclass(frozen=True)
class Hotline:
    digits: str
    sms_only: bool

    @property
    def href(self) -> str:
        return ("sms:" if self.sms_only else "tel:") + self.digits

    @property
    def costs_money(self) -> bool:
        return self.digits.startswith("1900")


def load(path: Path) -> list[Hotline]:
    """Confirmed hotlines of data/hotlines.yml (none when the file is missing or broken:
    the data check reports a broken file with its line)."""
    from bdhvs.inputs import datafiles

    record = datafiles.read_path(path, datafiles.SPECS["hotlines.yml"], root=path.parent.parent)
    data = record.data if not record.errors else None  # the gate reports a broken file at its line
    out = []
    for item in (data or {}).get("hotlines") or [] if isinstance(data, dict) else []:
        if not isinstance(item, dict) or item.get("status") not in CONFIRMED:
            continue
        digits = re.sub(r"\D", "", str(item.get("number") or ""))
        if len(digits) >= 3:
            what = str(item.get("what") or "").strip().lower()
            out.append(Hotline(digits, sms_only=what.startswith("nhắn tin")))
    return out


def _pattern(hotlines: list[Hotline]) -> re.Pattern | None:
    long_ = sorted((h.digits for h in hotlines if len(h.digits) >= SHORT), key=len, reverse=True)
    if not long_:
        return None
    alternatives = ["[ .]?".join(d) for d in long_]
    return re.compile(r"(?<![\w.,/-])(?:" + "|".join(alternatives) + r")(?![\w/-]|[.,]\d)")


def _link(text: str, hotline: Hotline) -> str:
    out = f'<a href="{hotline.href}" class="bdhvs-tel">{text}</a>'
    if hotline.costs_money:
        out += f' <span class="bdhvs-fee">({FEE_NOTE})</span>'
    return out


class Linker:
    def __init__(self, hotlines: list[Hotline]):
        self.by_digits = {h.digits: h for h in hotlines}
        self.pattern = _pattern(hotlines)
        self.short = {h.digits for h in hotlines if len(h.digits) < SHORT}

    def _text(self, text: str, prev_tag: str, next_tag: str) -> str:
        stripped = html_lib.unescape(text).strip()
        if stripped in self.short and prev_tag == "strong" and next_tag == "/strong":
            return text.replace(stripped, _link(stripped, self.by_digits[stripped]))
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: _link(m.group(0), self.by_digits[re.sub(r"\D", "", m.group(0))]), text)

    def apply(self, html: str) -> str:
        if not self.by_digits:
            return html
        out, pos, skip, prev = [], 0, 0, ""
        for match in _TAG.finditer(html):
            closing, tag = match.group(1) == "/", match.group(2).lower()
            text = html[pos:match.start()]
            if text and not skip:
                text = self._text(text, prev, ("/" if closing else "") + tag)
            out.append(text)
            out.append(match.group(0))
            if tag in _SKIP:
                skip = max(0, skip - 1) if closing else skip + 1
            prev = ("/" if closing else "") + tag
            pos = match.end()
        tail = html[pos:]
        out.append(self._text(tail, prev, "") if tail and not skip else tail)
        return "".join(out)
