"""Check 6: text hygiene — NFC, invisible and control characters, legacy encodings
(TCVN3, VNI, UTF-8 read as cp1252), legacy Ede font hacks, caron look-alikes,
tone-mark style (QĐ 1989 Điều 8) and one spelling for names."""
from __future__ import annotations

import re
import unicodedata

from bdhvs.checks import legacy, tones
from bdhvs.checks.data import ProjectData
from bdhvs.checks.prose import Prose, Spans
from bdhvs.checks.source import Document
from bdhvs.findings import Finding

# Codes whose lines the spell check leaves alone (the words there are garbled, not misspelt).
GARBLED_CODES = {"TEXT-MOJIBAKE", "TEXT-LEGACY-TCVN3", "TEXT-LEGACY-VNI", "TEXT-LEGACY-VISCII", "TEXT-NFC"}
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]*", re.S)
INVISIBLE = {
    "\u00ad": "gạch nối mềm (U+00AD)",
    "\u200b": "khoảng trắng độ rộng 0 (U+200B)",
    "\u200c": "ký tự nối độ rộng 0 (U+200C)",
    "\u200d": "ký tự nối độ rộng 0 (U+200D)",
    "\u2060": "ký tự nối từ (U+2060)",
    "\ufeff": "BOM giữa văn bản (U+FEFF)",
    "\u180e": "ký tự ngăn cách Mông Cổ (U+180E)",
    "\u2028": "ngắt dòng Unicode (U+2028)",
    "\u2029": "ngắt đoạn Unicode (U+2029)",
}
# Direction controls: they reorder what the reader sees ("gov.vn" shown for "nv.vog", a file
# name ending ".exe" shown as ".pdf"). Vietnamese and Ede text never needs them.
INVISIBLE.update({ch: f"ký tự đổi chiều chữ vô hình (U+{ord(ch):04X})" for ch in
                  "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})
_INVISIBLE_RX = re.compile("[" + "".join(INVISIBLE) + "]")
_CONTROL_RX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def nfc_findings(doc: Document) -> list[Finding]:
    out = []
    offset = 0
    for line in doc.text.split("\n"):
        if not unicodedata.is_normalized("NFC", line):
            for m in _CLUSTER.finditer(line):
                cluster = m.group()
                if unicodedata.normalize("NFC", cluster) != cluster:
                    fixed = unicodedata.normalize("NFC", cluster)
                    out.append(doc.at(offset + m.start(), "TEXT-NFC",
                                      f"“{cluster}” gồm {len(cluster)} ký tự rời, dạng chuẩn là “{fixed}”"))
                    break
        offset += len(line) + 1
    return out


def character_findings(doc: Document, legacy_lines: set[int]) -> list[Finding]:
    out = []
    for m in _INVISIBLE_RX.finditer(doc.text):
        if m.start() == 0 and m.group() == "\ufeff":
            continue
        line, _ = doc.pos(m.start())
        if m.group() == "\u00ad" and line in legacy_lines:
            continue  # part of TCVN3 text, reported as such
        out.append(doc.at(m.start(), "TEXT-INVISIBLE", f"Có {INVISIBLE[m.group()]}"))
    for m in _CONTROL_RX.finditer(doc.text):
        what = "ký tự lỗi “�” (U+FFFD)" if m.group() == "\ufffd" else f"ký tự điều khiển U+{ord(m.group()):04X}"
        out.append(doc.at(m.start(), "TEXT-CONTROL", f"Có {what}"))
    return out


LEGACY_CODES = {"mojibake": "TEXT-MOJIBAKE", "tcvn3": "TEXT-LEGACY-TCVN3", "vni": "TEXT-LEGACY-VNI",
                "viscii": "TEXT-LEGACY-VISCII"}
_ANY_LEGACY = [legacy.MOJIBAKE_DETECT, legacy.TCVN3_DETECT, legacy.VNI_DETECT, legacy.VISCII_DETECT]


def legacy_findings(doc: Document, prose: Prose, data: ProjectData) -> tuple[list[Finding], set[int]]:
    """One finding per line that looks like legacy-encoded text; the encoding named is the
    one whose conversion gives the most real Vietnamese words."""
    out: list[Finding] = []
    lines_hit: set[int] = set()
    is_word = _word_test(data)
    masked_lines = prose.text.split("\n")
    raw_lines = doc.text.split("\n")
    offset = 0
    for number, (mline, raw) in enumerate(zip(masked_lines, raw_lines), 1):
        hits = [m.start() for rx in _ANY_LEGACY for m in rx.finditer(mline)]
        if not hits:
            d = legacy.VNI_INITIAL_D.search(mline)
            if d and prose.lang_at(offset + d.start()) == "vi":
                hits = [d.start()]
        if hits:
            first = min(hits)
            kind, fixed = legacy.best_conversion(raw, is_word)
            word_start = first
            while word_start > 0 and not mline[word_start - 1].isspace():
                word_start -= 1
            sample = (raw[word_start:first + 12].split() or [""])[0]
            preview = _first_change(raw, fixed)
            message = f"“{sample}” trông như chữ bị lỗi bảng mã" + (f"; có thể là “{preview}”" if preview else "")
            out.append(doc.at(offset + word_start, LEGACY_CODES[kind], message))
            lines_hit.add(number)
        offset += len(raw) + 1
    return out, lines_hit


def _first_change(old: str, new: str) -> str:
    old_words, new_words = old.split(" "), new.split(" ")
    if len(old_words) != len(new_words):
        return new.strip()[:60]
    changed = [n for o, n in zip(old_words, new_words) if o != n]
    return " ".join(changed[:4])


def _word_test(data: ProjectData):
    syllables = data.vi_syllables

    def is_word(token: str) -> bool:
        return token in syllables or token.lower() in syllables
    return is_word


def ede_findings(doc: Document, prose: Prose) -> list[Finding]:
    out = []
    merged = Spans(prose.ede)  # nested or overlapping spans are scanned once
    for start, end in zip(merged.starts, merged.ends):
        for off in legacy.ede_hack_hits(prose.text[start:end]):
            out.append(doc.at(start + off, "TEXT-EDE-LEGACY",
                              f"Ký tự “{doc.text[start + off]}” giữa chữ Êđê: dấu hiệu font chữ Êđê cũ"))
    for m in legacy.CARON_DETECT.finditer(prose.text):
        out.append(doc.at(m.start(), "TEXT-EDE-CARON", f"“{m.group()}” có dấu móc ngược (ˇ), chữ Êđê dùng dấu trăng (˘)"))
    return out


def exception_spans(text: str, exceptions: list[str]) -> list[tuple[int, int]]:
    spans = []
    for phrase in exceptions:
        for m in re.finditer(re.escape(phrase), text):
            spans.append((m.start(), m.end()))
    return spans


def tone_findings(doc: Document, prose: Prose, data: ProjectData, skip_lines=frozenset()) -> list[Finding]:
    out = []
    exempt = Spans(exception_spans(doc.text, data.tone_exceptions))
    for start, end, word, new in tones.find_old_style(prose.text):
        if prose.lang_at(start) != "vi" or start in exempt:
            continue
        if doc.pos(start)[0] in skip_lines:
            continue
        out.append(doc.at(start, "TEXT-TONE-STYLE", f"“{word}” đặt dấu kiểu cũ; viết “{new}” (QĐ 1989/QĐ-BGDĐT, Điều 8)"))
    return out


def name_findings(doc: Document, prose: Prose, data: ProjectData) -> list[Finding]:
    out = []
    text = prose.text
    for entry in data.names:
        right = entry["right"]
        for wrong in entry.get("wrong", []):
            rx = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, wrong.split())) + r"(?!\w)")
            for m in rx.finditer(text):
                if prose.lang_at(m.start()) == "vi":
                    out.append(doc.at(m.start(), "TEXT-NAME", f"Viết “{right}”, không viết “{m.group()}”",
                                      f"Tên thống nhất trên toàn trang: {right} (nguồn: {entry['source']})"))
        if entry.get("any_case"):
            rx = re.compile(r"(?<!\w)" + re.escape(right) + r"(?!\w)", re.I)
            for m in rx.finditer(text):
                if m.group() not in (right, right.upper()) and prose.lang_at(m.start()) == "vi":
                    out.append(doc.at(m.start(), "TEXT-NAME", f"Viết “{right}”, không viết “{m.group()}”",
                                      f"Tên thống nhất trên toàn trang: {right} (nguồn: {entry['source']})"))
    return out


def check(doc: Document, prose: Prose, data: ProjectData, content: bool = True) -> list[Finding]:
    """``content``: a page of the site (docs/), where tone style and names apply too."""
    findings = nfc_findings(doc)
    legacy_out, legacy_lines = legacy_findings(doc, prose, data)
    findings += legacy_out
    findings += character_findings(doc, legacy_lines)
    findings += ede_findings(doc, prose)
    if content and doc.kind in ("page", "markdown"):
        findings += tone_findings(doc, prose, data, legacy_lines)
        findings += name_findings(doc, prose, data)
    return findings
