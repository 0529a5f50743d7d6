"""How words are folded for matching: the ONE specification, for the index and the browser.

The index writer folds every written word with :func:`fold`; the browser must fold typed
words the same way, so the rules below are written into each language's ``meta.js``
(``rules``) and search-ui.js applies them from there (it has no copy of its own).

1. Tone and other marks removed, ``đ→d``, ``ƀ→b``, lower case (:func:`bdhvs.content.slugs.fold`).
2. ``FOLD_RULES``, regular expressions applied in order to each folded word (JavaScript
   and Python read them the same way: plain characters, ``( )``, ``[ ]``, ``$``; the
   replacement in JavaScript syntax, ``$1`` for the first group — no look-behind, which
   older phone browsers do not have):

   - ``y → i`` at the end of a word, right after a consonant: "kí"/"ký", "lí"/"lý",
     "kĩ"/"kỹ", "mĩ"/"mỹ" are both in use (Vietnamese i/y spelling variation). Other y
     stay ("máy", "lấy", "yêu" have no i spelling). The written spelling is kept, so
     typing "ký" still ranks pages written "ký" first.
   - word-final ``k → c``: "Đắc Lắc" (as the commune plan writes it) finds "Đắk Lắk".
     Vietnamese syllables never end in k, so no Vietnamese word changes; ``kh`` and an
     initial ``k`` are untouched.
"""
from __future__ import annotations

import re
import unicodedata

from bdhvs.content.slugs import fold as _base_fold

FOLD_RULES: list[tuple[str, str]] = [
    ("([bcdfghklmnpqrstvx])y$", "$1i"),
    ("k$", "c"),
]
_COMPILED = [(re.compile(pattern), re.sub(r"\$(\d)", r"\\g<\1>", repl)) for pattern, repl in FOLD_RULES]

# Listing pages (topic lists, "Hướng dẫn theo đối tượng", Hỏi đáp, Tài liệu in…) are
# ranked below guides: their score is multiplied by this (a listing whose title matches
# still beats a guide that only mentions the words once).
LISTING_FACTOR = 0.35
# page_type values that are guides (full score) and that are never searched by citizens.
GUIDE_TYPES = {"guide"}
HIDDEN_TYPES = {"editor"}
# A synonym found on a page counts this much of the words it stands for.
SYNONYM_FACTOR = 0.6


def base_fold(word: str) -> str:
    return _base_fold(word).lower()


def apply_rules(folded: str) -> str:
    for pattern, repl in _COMPILED:
        folded = pattern.sub(repl, folded)
    return folded


def fold(word: str) -> str:
    """The folded form of ONE word (as in the index)."""
    return apply_rules(base_fold(word))


def for_browser(question_words: list[str]) -> dict:
    """What search-ui.js needs to treat typed words like the index did (in meta.js)."""
    return {"fold": [list(rule) for rule in FOLD_RULES], "listing": LISTING_FACTOR,
            "stop": sorted(set(question_words))}


def tokenize(text: str) -> list[str]:
    """Words, lower case, NFC (letters, digits, marks): the ONE rule of the index writer and the
    synonyms file, the same as ``words()`` in search-ui.js."""
    text = unicodedata.normalize("NFC", text).lower()
    out, current = [], []
    for ch in text:
        if unicodedata.category(ch)[0] in "LNM":
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out
