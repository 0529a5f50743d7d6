"""Tone-mark placement in open oa/oe/uy syllables (Quyết định 1989/QĐ-BGDĐT, Điều 8).

Old style puts the tone on the first vowel (hòa, khỏe, thủy); the new style the project
uses puts it on the main vowel (hoà, khoẻ, thuỷ). The styles differ ONLY in syllables
ending in oa/oe/uy with no final consonant and not after "q" (quý is the same in both).
"""
from __future__ import annotations

import re
import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng

# Letters of a Vietnamese syllable (NFC) – used to find word boundaries.
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")


def _old_style_parts(word: str):
    """(index of first vowel, tone mark) when ``word`` is an old-style open oa/oe/uy syllable."""
    nfd = unicodedata.normalize("NFD", word)
    base = "".join(ch for ch in nfd if ch not in TONE_MARKS)
    tones = [ch for ch in nfd if ch in TONE_MARKS]
    if len(tones) != 1:
        return None
    low = base.lower()
    m = re.search(r"(o)(a|e)$|(u)(y)$", low)
    if not m:
        return None
    first = m.start()
    if first > 0 and low[first - 1] == "q":
        return None
    if unicodedata.normalize("NFD", low[first]) != low[first]:  # ô, ơ, ư: not this pattern
        return None
    # Where is the tone in the original? It follows the first vowel in the old style.
    pos = 0
    for ch in nfd:
        if ch in TONE_MARKS:
            break
        if not unicodedata.combining(ch):
            pos += 1
    # pos = number of base letters before the tone mark → the tone sits on base[pos-1].
    if pos - 1 != first:
        return None
    return first, tones[0]


def is_old_style(word: str) -> bool:
    return _old_style_parts(word) is not None


def to_new_style(word: str) -> str:
    """'hòa' -> 'hoà', 'Thủy' -> 'Thuỷ', 'KHỎE' -> 'KHOẺ'; other words unchanged."""
    parts = _old_style_parts(word)
    if not parts:
        return word
    first, tone = parts
    nfd = unicodedata.normalize("NFD", word)
    base = [ch for ch in nfd if ch not in TONE_MARKS]
    # Rebuild: letters with their non-tone combining marks, tone after the last vowel.
    letters: list[str] = []
    for ch in base:
        if unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    letters[first + 1] += tone
    return unicodedata.normalize("NFC", "".join(letters))


def find_old_style(text: str):
    """Yield (start, end, word, new_word) for each old-style syllable in ``text``."""
    for m in _WORD.finditer(text):
        word = m.group()
        if is_old_style(word):
            yield m.start(), m.end(), word, to_new_style(word)
