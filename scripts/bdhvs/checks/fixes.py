"""`bdhvs check --fix`: the only automatic rewrites, all meaning-preserving.

1. legacy-encoding conversion (TCVN3, VNI, UTF-8 read as cp1252) on lines the detectors flag;
2. Unicode NFC (Ede ê̆ ô̆ ơ̆ ư̆ stay base letter + U+0306: they have no precomposed form);
3. tone-mark placement old → new style (QĐ 1989 Điều 8) in Vietnamese prose, except the
   phrases of data/tone-exceptions.txt.

Nothing else is ever rewritten. Files are written atomically (temporary file in the same
folder, flushed, then renamed over the original), so a crash never leaves half a file.
"""
from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bdhvs.checks import legacy, prose, tones
from bdhvs.checks.data import ProjectData
from bdhvs.checks.hygiene import exception_spans
from bdhvs.checks.source import Document, load


@dataclass
class Change:
    line: int
    what: str


def _legacy_pass(doc: Document, data: ProjectData) -> tuple[str, list[Change]]:
    masked = prose.analyse(doc).text if doc.kind in ("page", "markdown") else doc.text
    syllables = data.vi_syllables

    def is_word(token: str) -> bool:
        return token in syllables or token.lower() in syllables

    lines = doc.text.split("\n")
    masked_lines = masked.split("\n")
    labels = {"mojibake": "UTF-8 đọc sai", "tcvn3": "TCVN3", "vni": "VNI", "viscii": "VISCII"}
    changes = []
    for i, (line, mline) in enumerate(zip(lines, masked_lines)):
        if legacy.line_is_suspect(mline, vietnamese=doc.lang != "ede"):
            kind, new = legacy.best_conversion(line, is_word)
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


def fix_text(doc: Document, data: ProjectData) -> tuple[str, list[Change]]:
    text, changes = _legacy_pass(doc, data)
    text, more = _nfc_pass(text)
    changes += more
    doc2 = _reload(doc, text)
    text, more = _tone_pass(doc2, data)
    return text, changes + more


def _reload(doc: Document, text: str) -> Document:
    from bdhvs.checks.source import split_front_matter

    new = Document(path=doc.path, name=doc.name, text=text, kind=doc.kind, lang=doc.lang)
    if new.kind in ("page", "markdown"):
        split_front_matter(new)
    return new


def write_atomic(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_file(path: Path, data: ProjectData, *, root: Path, docs_dir: Path, dry_run: bool = False) -> list[Change]:
    doc, _ = load(path, root=root, docs_dir=docs_dir)
    if doc is None:
        return []  # unreadable/binary/not UTF-8: never touched
    new_text, changes = fix_text(doc, data)
    if changes and new_text != doc.text and not dry_run:
        original = path.read_bytes()
        prefix = "\ufeff" if original.startswith(b"\xef\xbb\xbf") else ""
        write_atomic(path, prefix + new_text)
    return changes
