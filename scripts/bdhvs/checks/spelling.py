"""Check 5: spelling.

Vietnamese prose: every syllable must be in hunspell-vi's list (vendored in data/spelling/;
a plain set look-up: the list has no affixes) or in data/words-vi.txt, with Hunspell's case
rule (a lowercase entry also matches Titlecase and UPPER). Word-level mistakes whose
syllables are all valid: spelling_words.py (SPELL-WORD, pairs that are not a word when a
one-diacritic variant is a frequent one) and data/confusables-vi.yml (SPELL-CONFUSABLE). Ede text (pages under docs/ede/, spans with
lang="rad") never meets the Vietnamese dictionary: it is checked against data/words-ede.txt.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from bdhvs.checks import spelling_words, tones
from bdhvs.checks.data import ProjectData
from bdhvs.checks.prose import Prose, Spans
from bdhvs.checks.source import Document
from bdhvs.content.slugs import fold
from bdhvs.findings import Finding

_LETTERS = r"(?:[^\W\d_][\u0300-\u036f]*)+"
# A word: letters, optionally joined by hyphens or apostrophes (Wi-Fi, M’Đrắk, H'Leo).
WORD = re.compile(rf"(?<![\w\u0300-\u036f]){_LETTERS}(?:[-'’]{_LETTERS})*(?![\w\u0300-\u036f])")
_PART = re.compile(_LETTERS)
_NUMBER_JOINED = re.compile(r"[\w\u0300-\u036f]")
_ROMAN = re.compile(r"^[IVXLC]+$")


class Lexicon:
    """A set of words with Hunspell's case rule."""

    def __init__(self, *word_sets):
        self.exact: set[str] = set()
        for words in word_sets:
            self.exact |= set(words)
        self.upper = {w.upper() for w in self.exact}
        self.lower = {w for w in self.exact if w == w.lower()}
        self.title = {w for w in self.exact if w[:1].isupper() and w[1:] == w[1:].lower()}

    def __contains__(self, token: str) -> bool:
        if token in self.exact or token in self.upper:
            return True
        if token[:1].isupper() and token[1:] == token[1:].lower():
            return token.lower() in self.lower
        return False


class Speller:
    def __init__(self, data: ProjectData):
        self.data = data
        self.vi = Lexicon(data.vi_syllables, data.vi_words)
        ede_tokens = {t for entry in data.ede_words for t in entry.split()}
        self.ede = Lexicon(ede_tokens)
        self.by_fold: dict[str, list[str]] = defaultdict(list)
        for syl in sorted(data.vi_syllables):
            if syl == syl.lower():
                self.by_fold[fold(syl)].append(syl)
        self.words = spelling_words.model(data.vi_syllables, data.vi_words)

    def vi_ok(self, word: str) -> bool:
        if word in self.vi:
            return True
        parts = _PART.findall(word)
        return len(parts) > 1 and all(p in self.vi for p in parts)

    def suggestions(self, word: str) -> list[str]:
        options = [s for s in self.by_fold.get(fold(word.lower()), []) if s != word.lower()]
        if word[:1].isupper():
            options = [o[:1].upper() + o[1:] for o in options]
        return options[:6]


def _skip(word: str, text: str, start: int, end: int) -> bool:
    """Tokens that are not words to spell-check: single Latin letters, Roman numerals,
    letters glued to digits (4G, A05, C06)."""
    if len(word) == 1 and word.isascii():
        return True
    if _ROMAN.match(word):
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before == "/" and word.upper() == word:
        return True  # symbol of a legal document: 76/KH-UBND, 2733/QĐ-BYT
    return before.isdigit() or after.isdigit() or before == "_" or after == "_"


# Quoted text in plain ASCII: an SMS quoted exactly as sent without diacritics
# ("Cuc Canh sat QLHC ve TTXH thong bao", three words or more), or a foreign title
# ("Rade language"). In the latter only the words that cannot be unaccented Vietnamese
# are skipped, so a quoted label typed without diacritics ("Dang nhap") is still caught.
_ASCII_QUOTE = re.compile(r"[\"“]([A-Za-z0-9 ,.:;!?/()'-]{2,300})[\"”]")


def ascii_quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(whole verbatim spans, spans where foreign words may be skipped)."""
    verbatim, foreign = [], []
    for m in _ASCII_QUOTE.finditer(text):
        (verbatim if len(m.group(1).split()) >= 3 else foreign).append((m.start(1), m.end(1)))
    return verbatim, foreign


def _looks_like_name(word: str) -> bool:
    return sum(1 for ch in word if ch.isupper()) >= 2 or (word[:1].islower() and any(c.isupper() for c in word))


def ede_checked(doc: Document) -> bool:
    """Ede text of a page is word-checked once the page is reviewed (drafts are never
    published; their reviewer fills the word list)."""
    if doc.lang != "ede":
        return True
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    translation = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
    review = meta.get("review") if isinstance(meta.get("review"), dict) else {}
    status = translation.get("status")
    return status in ("reviewed", "sourced") or (not translation and review.get("status") == "reviewed")


def check(doc: Document, prose: Prose, data: ProjectData, speller: Speller,
          skip_lines: frozenset[int] | set[int] = frozenset()) -> list[Finding]:
    if doc.kind not in ("page", "markdown"):
        return []
    out: list[Finding] = []
    text = prose.text
    check_ede = ede_checked(doc)
    verbatim, foreign = (Spans(s) for s in ascii_quotes(text))
    ede_front_matter = doc.lang == "ede"
    names = {n["right"].lower() for n in data.names if n.get("any_case")}
    for m in WORD.finditer(text):
        word = unicodedata.normalize("NFC", m.group())
        if _skip(word, text, m.start(), m.end()) or m.start() in verbatim:
            continue
        if word.lower() in names or (skip_lines and doc.pos(m.start())[0] in skip_lines):
            continue
        if m.start() in foreign and word.isascii() and fold(word.lower()) not in speller.by_fold:
            continue  # a foreign word in a quoted title
        if ede_front_matter and m.start() < doc.body_offset and word in speller.ede:
            continue  # Ede words in the title of a docs/ede/ page cannot carry lang="rad"
        if prose.lang_at(m.start()) == "rad":
            if check_ede and word not in speller.ede and not all(p in speller.ede for p in _PART.findall(word)):
                out.append(doc.at(m.start(), "SPELL-EDE", f"Từ Êđê “{word}” chưa có trong data/words-ede.txt"))
            continue
        if data.dictionary_missing or speller.vi_ok(word):
            continue
        if tones.is_old_style(word) and speller.vi_ok(tones.to_new_style(word)):
            continue  # reported as TEXT-TONE-STYLE
        if _looks_like_name(word):
            out.append(doc.at(m.start(), "SPELL-ABBR", f"“{word}” chưa có trong danh sách từ của dự án"))
            continue
        bad = [p for p in _PART.findall(word) if p not in speller.vi] or [word]
        sugg = speller.suggestions(bad[0])
        hint = (f"Có phải là: {', '.join(sugg)}? " if sugg else "") + \
            "Nếu từ này đúng (tên riêng, từ nước ngoài), thêm vào data/words-vi.txt."
        out.append(doc.at(m.start(), "SPELL-VI", f"“{word}” không có trong từ điển tiếng Việt", hint))
    if not data.dictionary_missing:
        def skip(start: int) -> bool:
            return (start in verbatim or prose.lang_at(start) == "rad"
                    or bool(skip_lines and doc.pos(start)[0] in skip_lines))
        confusable = confusable_findings(doc, prose, data)
        taken = {(f.line, f.col) for f in confusable}  # the curated entry explains better
        out += [f for f in spelling_words.check(doc, prose, speller.words, skip) if (f.line, f.col) not in taken]
        out += confusable
    else:
        out += confusable_findings(doc, prose, data)
    return out


def confusable_findings(doc: Document, prose: Prose, data: ProjectData) -> list[Finding]:
    out = []
    for entry in data.confusables:
        for wrong in entry["wrong"]:
            rx = re.compile(r"(?<![\w\u0300-\u036f])" + r"\s+".join(map(re.escape, wrong.split()))
                            + r"(?![\w\u0300-\u036f])", re.I)
            for m in rx.finditer(prose.text):
                if prose.lang_at(m.start()) == "vi":
                    out.append(doc.at(m.start(), "SPELL-CONFUSABLE", f"“{m.group()}” là cách viết sai; viết “{entry['right']}”",
                                      f"Lý do: {entry['reason']} (nguồn: {entry['source']})"))
    return out
