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

3. ``TELEX``: text typed with the phone's Vietnamese input switched off arrives as the raw
   Telex keys ("kichs hoatj" for "kích hoạt", "chuwx kys soos" for "chữ ký số"). A typed
   word that no indexed word starts with is decoded (:func:`telex_fold`): the tone keys
   (s f r x j) after the first letter are dropped (``r`` of an initial ``tr`` stays), then
   the mark keys are folded away (aa→a, ee→e, oo→o, dd→d; w after an a, o or u is
   dropped, a w with none before it is ư). The
   decoded word is used only when it is a word of the index.
4. Function words (``function_words`` of data/search-synonyms.yml: tại, của, và…) are not
   indexed in the spelling written (the writer leaves them out); a word typed WITH marks that
   is one of them is dropped from a query that has other words (``rules.fn`` in meta.js).
   Typed without marks, the word matches the other spellings only: "tai" is "tải"/"tài".
5. One spelling per page: a word typed without marks counts, on each page, the spelling of
   it that weighs most there, not the sum of every spelling the page holds (a page with
   "tài" and "tại" in its title is not twice "tai"); its rarity (idf) is that of the folded
   word, since the reader did not say which spelling ("danh" is not rare because "đánh" is).
6. ``BOUND``: a spelling that is almost always the first (or second) half of one two-word
   term ("tài" in "tài khoản") counts ×``BOUND_FACTOR`` for a word typed without marks when
   the query does not hold the other half: "tai vneid" means "tải", not "tài (khoản)".
   The index writer finds these spellings in the pages (:func:`bound_spellings`).
7. ``NEAR_FACTOR``: two words typed one after the other that stand one after the other in
   a result's summary (its front-matter title and description, sent with each result as
   ``s``) raise the score of a result that holds every typed word, by up to this factor in
   proportion to the share of typed words that stand so (two of two: ×2; one pair in a
   seven-word question: ×1.29): "ma otp" is the page whose summary says "mã OTP",
   before pages that say "mã PIN" in the title and "OTP" somewhere below. Only the results
   shown are re-ranked (their summaries are already loaded); nothing is added to the index.
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
# Words typed next to each other found next to each other in a result's summary (rule 7).
NEAR_FACTOR = 2.0
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


TELEX = {"tones": "sfrxj", "pairs": [["aa", "a"], ["ee", "e"], ["oo", "o"], ["dd", "d"]], "hook": "aou"}


def telex_fold(word: str) -> str:
    """The folded word a raw Telex spelling stands for ("chuwx" -> "chu"); the word itself
    (folded) when it holds no Telex keys. search-ui.js does the same from ``TELEX``."""
    typed = base_fold(word)
    kept = "".join(ch for i, ch in enumerate(typed)
                   if not (i > 0 and ch in TELEX["tones"] and not (i == 1 and ch == "r" and typed[0] == "t")))
    for pair, plain in TELEX["pairs"]:
        kept = kept.replace(pair, plain)
    # w puts the hook on an a, o or u typed before it (also after the final consonant:
    # "ddungwf" = đừng); with none before it, w alone is ư.
    out = ""
    for ch in kept:
        if ch == "w":
            ch = "" if any(v in out for v in TELEX["hook"]) else "u"
        out += ch
    return apply_rules(out)


# A spelling is "bound" when it has stood at least BOUND_MIN_COUNT times and its partner
# follows (or precedes) it in at least BOUND_SHARE of them.
BOUND_MIN_COUNT = 4
BOUND_SHARE = 0.9
BOUND_FACTOR = 0.25


def bound_spellings(texts: list[list[str]]) -> dict[str, list[str]]:
    """Spellings that are one half of a two-word term, from the pages' words (lower case,
    in order): {written: [folded partner, "n" (partner follows) or "p" (precedes)]}. Only
    spellings whose folded word has other spellings (the ambiguity this resolves)."""
    from collections import Counter

    count: Counter = Counter()
    after: Counter = Counter()
    before: Counter = Counter()
    spellings: dict[str, set] = {}
    for tokens in texts:
        for i, word in enumerate(tokens):
            count[word] += 1
            spellings.setdefault(fold(word), set()).add(word)
            if i + 1 < len(tokens):
                after[(word, tokens[i + 1])] += 1
            if i:
                before[(word, tokens[i - 1])] += 1
    out: dict[str, list[str]] = {}
    for side, pairs in (("n", after), ("p", before)):
        best: dict[str, tuple[int, str]] = {}
        for (word, partner), n in pairs.items():
            if n > best.get(word, (0, ""))[0]:
                best[word] = (n, partner)
        for word, (n, partner) in best.items():
            if (word not in out and count[word] >= BOUND_MIN_COUNT and n >= BOUND_SHARE * count[word]
                    and len(spellings[fold(word)]) > 1):
                out[word] = [fold(partner), side]
    return dict(sorted(out.items()))


def for_browser(question_words: list[str], bound: dict[str, list[str]] | None = None,
                function_words: list[str] = ()) -> dict:
    """What search-ui.js needs to treat typed words like the index did (in meta.js)."""
    return {"fold": [list(rule) for rule in FOLD_RULES], "listing": LISTING_FACTOR,
            "stop": sorted(set(question_words)), "fn": sorted(set(function_words)), "telex": TELEX,
            "bound": bound or {}, "boundFactor": BOUND_FACTOR, "near": NEAR_FACTOR}


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
