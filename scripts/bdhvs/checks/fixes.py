"""`bdhvs check --fix`: the only automatic rewrites, all meaning-preserving.

1. a file saved in another encoding (Windows-1258, Windows-1252, UTF-16) becomes UTF-8, only
   when the guess is safe (``encoding``: nearly every word it yields is real Vietnamese);
   a UTF-8 BOM is removed; Windows line ends (CRLF) become LF;
2. tabs in Markdown become spaces exactly as Python-Markdown reads them (tab stops of 4),
   so lists nest the same in the editor and on the site;
3. link paths typed with Windows backslashes (``..\\huong-dan\\x\\buoc-2.png``) get ``/``;
4. legacy-encoding conversion (TCVN3, VNI, UTF-8 read as cp1252) on lines the detectors flag;
5. Unicode NFC (Ede ê̆ ô̆ ơ̆ ư̆ stay base letter + U+0306: they have no precomposed form);
6. tone-mark placement old → new style (QĐ 1989 Điều 8) in Vietnamese prose, except the
   phrases of data/tone-exceptions.txt;
7. a page's front matter rewritten in the repository's one style (content/frontstyle.py):
   same values, body byte for byte (FM-STYLE).

Nothing else is ever rewritten. Files are written atomically (temporary file in the same
folder, flushed, then renamed over the original), so a crash never leaves half a file.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bdhvs.files import write_atomic
from bdhvs.checks import encoding, frontstyle, legacy, links, locallinks, prose, tones
from bdhvs.checks.data import ProjectData
from bdhvs.checks.hygiene import exception_spans
from bdhvs.checks.source import Document, load


@dataclass
class Change:
    line: int
    what: str


def _pairs(data: ProjectData):
    """Known two-syllable words (the spelling checker's word model), or None without a dictionary."""
    if not data.vi_syllables:
        return None
    from bdhvs.checks import spelling_words

    return spelling_words.model(data.vi_syllables, data.vi_words).belongs


def _legacy_pass(doc: Document, data: ProjectData) -> tuple[str, list[Change]]:
    analysed = prose.analyse(doc) if doc.kind in ("page", "markdown") else None
    masked = analysed.text if analysed is not None else doc.text
    syllables = data.vi_syllables

    def is_word(token: str) -> bool:
        return token in syllables or token.lower() in syllables

    lines = doc.text.split("\n")
    masked_lines = masked.split("\n")
    labels = {"mojibake": "UTF-8 đọc sai", "tcvn3": "TCVN3", "vni": "VNI", "viscii": "VISCII"}
    changes = []
    line_start = 0

    def keep(start: int):
        """Tokens --fix must leave alone: not prose (code, addresses, markup), known Ede
        words, and in Ede text a word whose only "legacy" sign is the Ede letter ñ/Ñ."""
        def protect(offset: int, token: str) -> bool:
            at = start + offset
            if masked[at:at + len(token)] != token:
                return True
            core = token.strip(legacy._PUNCT).lower()
            if core in data.ede_words:
                return True
            ede = doc.lang == "ede" or (analysed is not None and analysed.lang_at(at) != "vi")
            return ede and "ñ" in core and not legacy.VNI_DETECT.search(token)
        return protect

    for i, (line, mline) in enumerate(zip(lines, masked_lines)):
        start, line_start = line_start, line_start + len(line) + 1
        if legacy.line_is_suspect(mline, vietnamese=doc.lang != "ede"):
            kind, new = legacy.best_conversion(line, is_word, keep(start), _pairs(data))
            if new != line:
                changes.append(Change(i + 1, f"đổi chữ {labels[kind]} sang Unicode: “{line.strip()[:50]}” → “{new.strip()[:50]}”"))
                lines[i] = new
    return "\n".join(lines), changes


def _nfc_pass(text: str) -> tuple[str, list[Change]]:
    changes = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not unicodedata.is_normalized("NFC", line):
            lines[i] = unicodedata.normalize("NFC", line)
            changes.append(Change(i + 1, "chuẩn hoá Unicode NFC (ghép chữ và dấu thành một ký tự)"))
    return "\n".join(lines), changes


def _tone_pass(doc: Document, data: ProjectData) -> tuple[str, list[Change]]:
    if doc.kind not in ("page", "markdown"):
        return doc.text, []
    p = prose.analyse(doc)
    exempt = prose.Spans(exception_spans(doc.text, data.tone_exceptions))
    text = doc.text
    changes = []
    for start, end, word, new in reversed(list(tones.find_old_style(p.text))):
        if p.lang_at(start) != "vi" or start in exempt:
            continue
        text = text[:start] + new + text[end:]
        changes.append(Change(doc.pos(start)[0], f"đặt dấu kiểu mới: “{word}” → “{new}”"))
    return text, list(reversed(changes))


def _crlf_pass(text: str) -> tuple[str, list[Change]]:
    if "\r\n" not in text:
        return text, []
    return text.replace("\r\n", "\n"), [Change(1, "đổi kiểu xuống dòng Windows (CRLF) sang LF")]


def _tab_pass(doc: Document) -> tuple[str, list[Change]]:
    """Tabs of the Markdown body as Python-Markdown sees them (``expandtabs(4)``)."""
    if doc.kind not in ("page", "markdown") or "\t" not in doc.body:
        return doc.text, []
    head, lines = doc.text[:doc.body_offset], doc.body.split("\n")
    changes = []
    first = doc.pos(doc.body_offset)[0]
    for i, line in enumerate(lines):
        if "\t" in line:
            lines[i] = line.expandtabs(4)
            changes.append(Change(first + i, "thay Tab bằng dấu cách (4 cột mỗi Tab, như trình dựng trang)"))
    return head + "\n".join(lines), changes


def _backslash_pass(doc: Document) -> tuple[str, list[Change]]:
    text = doc.text
    changes = []
    for link in reversed(links.extract(doc)):
        url = link.url.strip()
        if link.kind not in locallinks.CHECKED_KINDS or not locallinks.is_local(url) or not locallinks.BACKSLASH.search(url):
            continue
        pos = text.find(url, link.offset, link.offset + len(url) + 2)
        if pos < 0:
            continue
        fixed = locallinks.BACKSLASH.sub("/", url)
        text = text[:pos] + fixed + text[pos + len(url):]
        changes.append(Change(doc.pos(pos)[0], f"đổi dấu \\ thành / trong đường dẫn: “{url}” → “{fixed}”"))
    return text, list(reversed(changes))


def fix_text(doc: Document, data: ProjectData) -> tuple[str, list[Change]]:
    text, changes = _crlf_pass(doc.text)
    doc = _reload(doc, text)
    text, more = _tab_pass(doc)
    changes += more
    doc = _reload(doc, text)
    text, more = _backslash_pass(doc)
    changes += more
    doc = _reload(doc, text)
    text, more = _legacy_pass(doc, data)
    changes += more
    text, more = _nfc_pass(text)
    changes += more
    doc2 = _reload(doc, text)
    text, more = _tone_pass(doc2, data)
    changes += more
    text, more = _style_pass(_reload(doc2, text))
    return text, changes + more


def _style_pass(doc: Document) -> tuple[str, list[Change]]:
    if doc.kind != "page":
        return doc.text, []
    text, line = frontstyle.fix(doc.text)
    if not line:
        return doc.text, []
    return text, [Change(line, "viết lại phần đầu trang theo kiểu chung của kho (giá trị giữ nguyên)")]


def _reload(doc: Document, text: str) -> Document:
    from bdhvs.checks.source import split_front_matter

    new = Document(path=doc.path, name=doc.name, text=text, kind=doc.kind, lang=doc.lang)
    if new.kind in ("page", "markdown"):
        split_front_matter(new)
    return new


def fix_file(path: Path, data: ProjectData, *, root: Path, docs_dir: Path, dry_run: bool = False) -> list[Change]:
    original = path.read_bytes()
    is_word = data.is_vi_word if data.vi_syllables else None
    doc, problems = load(path, root=root, docs_dir=docs_dir, is_word=is_word)
    if doc is None:
        return []  # unreadable, binary, or an encoding not guessed safely: never touched
    changes = []
    for problem in problems:
        if problem.code == "FILE-NOT-UTF8":
            label = encoding.guess(original, is_word)
            changes.append(Change(problem.line, f"đổi bảng mã {label.label if label else '?'} sang UTF-8"
                                                " (hãy đọc lại các dòng có dấu)"))
        elif problem.code == "FILE-BOM":
            changes.append(Change(1, "bỏ ký tự BOM vô hình ở đầu tệp"))
    new_text, more = fix_text(doc, data)
    changes += more
    new_bytes = new_text.encode("utf-8")
    if new_bytes == original:
        return []
    if not dry_run:
        write_atomic(path, new_bytes)
    return changes
