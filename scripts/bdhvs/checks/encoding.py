"""Text that is not UTF-8: which encoding it probably is, and whether converting it is safe.

Vietnamese editors on Windows save files as "ANSI" (Windows-1258, or Windows-1252 holding
text typed with VNI/TCVN3 fonts) or as Notepad's "Unicode" (UTF-16). Only the lines that
are not valid UTF-8 are decoded with the guessed encoding (a page whose front matter was
written in UTF-8 and whose body was pasted from an old file is common). charset-normalizer
ranks the candidate encodings; the Vietnamese dictionary decides: a conversion is *safe*
(``bdhvs check --fix`` may write it) only when nearly every word it yields is a real
Vietnamese syllable after the usual legacy-font conversion. Windows-1258 writes tone marks
as separate combining characters, so decoded text is normalised to NFC.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bdhvs.checks import legacy

# Python codec -> what the editor's software calls it.
LABELS = {
    "cp1258": "Windows-1258 (“ANSI” tiếng Việt)",
    "cp1252": "Windows-1252 (“ANSI” của Windows, thường do gõ bằng phông VNI/TCVN3)",
    "utf-16": "UTF-16 (Notepad gọi là “Unicode”)",
}
# The names VS Code shows in "Reopen with Encoding".
VSCODE_NAMES = {"cp1258": "Vietnamese (Windows 1258)", "cp1252": "Western (Windows 1252)", "utf-16": "UTF-16 LE"}
CANDIDATES = ("cp1258", "cp1252")
SAFE_SHARE = 0.85  # share of the converted words that must be real Vietnamese syllables
SAMPLE_LINES = 200  # lines judged (enough to tell; keeps hostile files cheap)
_TOKEN = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Guess:
    encoding: str
    text: str  # the whole file decoded (UTF-8 lines kept), NFC
    bad_lines: list[int] = field(default_factory=list)  # 1-based lines that were not UTF-8
    safe: bool = False
    share: float = 0.0  # share of real words among the converted lines' words
    readable: dict[int, str] = field(default_factory=dict)  # line -> text after legacy-font conversion

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)

    def line_text(self, number: int) -> str:
        """What line ``number`` says once converted (legacy fonts too), for messages."""
        if number in self.readable:
            return self.readable[number].strip()
        lines = self.text.split("\n")
        return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file with a byte order mark (Notepad's "Unicode")."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else unicodedata.normalize("NFC", text)


def _split(data: bytes) -> tuple[list[bytes], list[int]]:
    lines = data.split(b"\n")
    bad = []
    for index, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(index)
    return lines, bad


def _decode(lines: list[bytes], bad: list[int], encoding: str) -> list[str] | None:
    out = []
    for index, line in enumerate(lines):
        try:
            text = line.decode(encoding if index in bad else "utf-8")
        except UnicodeDecodeError:
            return None
        out.append(unicodedata.normalize("NFC", text))
    if any(_CONTROL.search(out[i]) for i in bad):
        return None
    return out


def _readable(line: str, is_word) -> str:
    return legacy.best_conversion(line, is_word)[1] if is_word and legacy.line_is_suspect(line) else line


def _share(lines: list[str], is_word) -> float:
    """Share of the words of ``lines`` that are real words, after legacy-font conversion."""
    words = real = 0
    for line in lines:
        line = _readable(line, is_word)
        for token in _TOKEN.findall(line):
            if token.isascii():
                continue  # English, numbers, Markdown: says nothing about the encoding
            words += 1
            real += bool(is_word(token))
    return real / words if words else 0.0


def _ranked(sample: bytes) -> list[str]:
    """The candidate encodings, most likely first according to charset-normalizer."""
    try:
        from charset_normalizer import from_bytes

        ranked = [m.encoding for m in from_bytes(sample, cp_isolation=list(CANDIDATES))]
    except Exception:  # noqa: BLE001 - detection is a hint; never let it crash a check
        ranked = []
    return [enc for enc in ranked if enc in CANDIDATES] + [enc for enc in CANDIDATES if enc not in ranked]


def guess(data: bytes, is_word=None) -> Guess | None:
    """The most likely encoding of a file that is not UTF-8, or None when no candidate
    decodes it. ``is_word`` (a Vietnamese syllable test) is needed for a safe guess."""
    text16 = utf16(data)
    if text16 is not None:
        lines = text16.split("\n")
        return Guess("utf-16", text16.lstrip("\ufeff"), list(range(1, len(lines) + 1)), safe=True, share=1.0)
    lines, bad = _split(data)
    if not bad:
        return None
    best: Guess | None = None
    for encoding in _ranked(b"\n".join(lines[i] for i in bad[:SAMPLE_LINES])):
        decoded = _decode(lines, bad, encoding)
        if decoded is None:
            continue
        share = _share([decoded[i][:5000] for i in bad[:SAMPLE_LINES]], is_word) if is_word else 0.0
        candidate = Guess(encoding, "\n".join(decoded), [i + 1 for i in bad], share >= SAFE_SHARE, share,
                          {i + 1: _readable(decoded[i], is_word) for i in bad[:1]})
        if best is None or share > best.share:
            best = candidate
    return best
