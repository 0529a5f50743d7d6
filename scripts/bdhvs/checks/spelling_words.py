"""Word-level Vietnamese spelling (SPELL-WORD): two valid syllables that are not a word.

A typo such as “chuyên đổi số” (for “chuyển đổi số”) or “thể hệ” (for “thế hệ”) passes the
syllable check: every syllable exists. What gives it away is the pair. The model flags a
pair of adjacent Vietnamese syllables when

1. the pair is not a known word (Hồ Ngọc Đức's word list, pyvi's word list, the syllable
   pairs attested in underthesea's VLSP 2013 word-segmentation model, multi-word entries
   of data/words-vi.txt), or is only in one dictionary and in no corpus,
2. changing ONE diacritic of one syllable (tone mark, or a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ)
   gives a frequent word, and the typed syllable is not much more frequent on its own than
   its replacement (wordfreq's syllable frequencies: “bạn là” is not “bàn là”): a word of a
   dictionary that is attested in the corpus (the typed syllable may be up to
   MAX_FREQUENCY_DROP more frequent: “thể hệ” → “thế hệ”), or a two-syllable headword of
   both dictionaries (the replacement must be MIN_HEADWORD_GAIN more frequent), and
3. neither syllable forms a known word with its other neighbour (then the two syllables
   belong to two different words: “bàn | xã” in “địa bàn xã”).

Proper names in Title Case inside a sentence are not checked (“Trung tâm Cung ứng”).
Pairs are only formed across plain spaces (or one line break) in the original Markdown,
so masked code, links, HTML or emphasis markers between two words never join them
(“bấm **Đổi** số”: a button label, then a word).

Data: data/spelling/ (sources, versions and licences in data/spelling/README.md). The
compiled pair sets are cached under settings.CACHE_DIR (keyed by the files' size and
mtime), so `bdhvs check` loads them in milliseconds after the first run.
"""
from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs import settings
from bdhvs.checks import tones
from bdhvs.findings import Finding

SPELLING_DIR = settings.DATA_DIR / "spelling"
WORD_LISTS = ("Viet74K.lst", "pyvi-words.lst")  # dictionaries (one word a line)
CORPUS_PAIRS = "underthesea-bigrams.lst"  # pairs attested in a real corpus
FREQUENCIES = "wordfreq-vi.tsv"  # syllable frequencies (Zipf)
_CACHE_VERSION = 5
# A suggestion may replace a syllable by a LESS frequent one only by this much (Zipf):
# “thể hệ” → “thế hệ” (thể 6.73, thế 6.38: 0.35) is suggested; “bạn là” → “bàn là”
# (bạn 6.35, bàn 5.57: 0.78) is not: “bạn” on its own is far likelier than a typo.
MAX_FREQUENCY_DROP = 0.4
# A replacement that is only a headword of both dictionaries (not attested in the corpus:
# “đối số”, “đứng tên”) is weaker evidence: its syllable must be clearly MORE frequent than
# the typed one (khấu 4.91 → khẩu 5.52 is; đổi → đối, đúng → đứng are not).
MIN_HEADWORD_GAIN = 0.5
_UNSEEN = 3.0  # Zipf of a syllable that is not in the frequency list

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SWAPS = {"a": "ăâ", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "o": "ôơ", "ô": "oơ", "ơ": "oô",
          "u": "ư", "ư": "u", "d": "đ", "đ": "d"}
_VOWELS = set("aăâeêioôơuưy")
_SYLLABLE = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
# What may stand between two syllables of one phrase in the Markdown source: spaces and at
# most one line break.
_GAP = re.compile(r"[ \t]*\n?[ \t]*")
_MAX_GAP = 40  # longer runs of spaces or markers do not join two words
# A token before a Title-Case syllable that makes it the start of a sentence or a heading.
_SENTENCE_START = re.compile(r"(?:^|[.:;!?“\"(\[#>|\-–—•*]|\n\s*\n|^\s*(?:\d+[.)]|[-*+])\s*)\s*$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _split_tone(syl: str) -> tuple[str, str]:
    nfd = unicodedata.normalize("NFD", syl)
    tones = [c for c in nfd if c in _TONES]
    return nfc("".join(c for c in nfd if c not in _TONES)), (tones[0] if tones else "")


def _with_tone(base: str, tone: str) -> list[str]:
    if not tone:
        return [base]
    return [nfc(base[:i + 1] + tone + base[i + 1:]) for i, c in enumerate(base) if c in _VOWELS]


def one_diacritic_variants(syl: str, syllables: frozenset[str] | set[str]) -> set[str]:
    """Valid syllables that differ from ``syl`` (lower case) by one tone mark or one letter's
    diacritic: chuyên → chuyển, chuyến…; thể → thế, thê…; hang → hàng, háng…"""
    base, tone = _split_tone(syl)
    out: set[str] = set()
    for t in ("",) + tuple(_TONES):
        if t != tone:
            out.update(c for c in _with_tone(base, t) if c in syllables)
    for i, ch in enumerate(base):
        for other in _SWAPS.get(ch, ""):
            out.update(c for c in _with_tone(base[:i] + other + base[i + 1:], tone) if c in syllables)
    out.discard(syl)
    return out


def norm(syl: str) -> str:
    """Lower case, NFC, new-style tone placement (khóa → khoá: the dictionaries mix styles)."""
    return tones.to_new_style(nfc(syl).lower())


def _pairs_of(words) -> set[tuple[str, str]]:
    pairs = set()
    for w in words:
        parts = [norm(p) for p in w.split()]
        pairs.update(zip(parts, parts[1:]))
    return pairs


def _read_lines(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.startswith("#") else line.strip()
        if line:
            lines.append(line)
    return lines


@dataclass
class WordModel:
    syllables: frozenset[str]  # lower-case valid syllables
    known: set[tuple[str, str]]  # pairs that are (part of) a word or attested in the corpus
    attested: set[tuple[str, str]]  # in a dictionary AND in the corpus: good suggestions
    weak: set[tuple[str, str]] = field(default_factory=set)  # in one dictionary only, not in the corpus
    extra: set[tuple[str, str]] = field(default_factory=set)  # data/words-vi.txt phrases
    # Pairs of the longer phrases of data/words-vi.txt (three syllables or more, “thẻ căn
    # cước”): they also tell that a syllable belongs to the next word. Two-syllable phrases
    # (“đổi số”) only silence themselves, so they never hide “chuyên đổi số”.
    context: set[tuple[str, str]] = field(default_factory=set)
    headwords: set[tuple[str, str]] = field(default_factory=set)  # two-syllable headwords of both dictionaries
    _variants: dict[str, set[str]] = field(default_factory=dict, repr=False)

    @property
    def frequent(self) -> set[tuple[str, str]]:
        return self.attested | self.headwords

    def variants(self, syl: str) -> set[str]:
        if syl not in self._variants:
            self._variants[syl] = one_diacritic_variants(syl, self.syllables)
        return self._variants[syl]
    zipf: dict[str, float] = field(default_factory=dict)  # syllable frequencies

    def belongs(self, pair: tuple[str, str]) -> bool:
        return pair in self.known or pair in self.context

    def _gain(self, typed: str, meant: str) -> float:
        return self.zipf.get(meant, _UNSEEN) - self.zipf.get(typed, _UNSEEN)

    def _likely(self, pair: tuple[str, str], typed: str, meant: str) -> bool:
        """Could ``typed`` be a slip for ``meant`` (making ``pair``)? Not when ``typed`` is
        much more frequent on its own than ``meant``."""
        if pair in self.attested:
            return self._gain(typed, meant) >= -MAX_FREQUENCY_DROP
        return pair in self.headwords and self._gain(typed, meant) >= MIN_HEADWORD_GAIN

    def suggestions(self, a: str, b: str) -> list[tuple[str, str]]:
        out = [(x, b) for x in sorted(self.variants(a)) if self._likely((x, b), a, x)]
        out += [(a, y) for y in sorted(self.variants(b)) if self._likely((a, y), b, y)]
        return out


def _stamp(paths: list[Path]) -> str:
    h = hashlib.sha256(str(_CACHE_VERSION).encode())
    for p in paths:
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def _build(directory: Path) -> tuple[set, set, set, set, dict]:
    dictionaries = [_pairs_of(_read_lines(directory / name)) for name in WORD_LISTS]
    corpus = _pairs_of(_read_lines(directory / CORPUS_PAIRS))
    in_any = set().union(*dictionaries)
    counts: dict[tuple[str, str], int] = {}
    for d in dictionaries:
        for p in d:
            counts[p] = counts.get(p, 0) + 1
    weak = {p for p, n in counts.items() if n == 1 and p not in corpus}
    # Suggestions: pairs attested in the corpus, or two-syllable headwords of every dictionary
    # (the corpus model keeps only the pairs its training found useful: “mật khẩu” is not in it).
    whole = [{p for w in _read_lines(directory / name) if len(w.split()) == 2 for p in _pairs_of([w])}
             for name in WORD_LISTS]
    headwords = set.intersection(*whole) - corpus
    zipf = {}
    for line in _read_lines(directory / FREQUENCIES):
        syl, _, value = line.partition("\t")
        zipf[norm(syl)] = max(zipf.get(norm(syl), 0.0), float(value))
    return in_any | corpus, in_any & corpus, headwords, weak, zipf


def load_pairs(directory: Path = SPELLING_DIR, cache_dir: Path | None = None) -> tuple[set, set, set, set, dict]:
    """(known, attested, headwords, weak) pair sets and syllable frequencies, from the
    compiled cache when it is fresh."""
    paths = [directory / n for n in (*WORD_LISTS, CORPUS_PAIRS, FREQUENCIES)]
    if not all(p.exists() for p in paths):
        return set(), set(), set(), set(), {}
    cache_dir = cache_dir or settings.CACHE_DIR
    cache = cache_dir / f"spelling-pairs-{_stamp(paths)}.pickle"
    try:
        with cache.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    built = _build(directory)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
        for stale in cache_dir.glob("spelling-pairs-*.pickle"):
            if stale != cache:
                stale.unlink(missing_ok=True)  # compiled from older data files
    except OSError:
        pass  # a read-only checkout still works, only slower
    return built


def model(syllables, project_words, directory: Path = SPELLING_DIR) -> WordModel:
    known, attested, headwords, weak, zipf = load_pairs(directory)
    lower = frozenset(s for s in syllables if s == s.lower())
    phrases = [w for w in project_words if " " in w.strip()]
    return WordModel(lower, known, attested, weak, extra=_pairs_of(phrases), zipf=zipf, headwords=headwords,
                     context=_pairs_of(w for w in phrases if len(w.split()) >= 3))


def _sentence_start(text: str, start: int) -> bool:
    window = max(0, start - 40)  # bounded look-back: hostile pages stay linear
    line_start = text.rfind("\n", window, start) + 1
    before = text[max(line_start, window):start]
    return before.strip() == "" or bool(_SENTENCE_START.search(before))


def _titlecase(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def check(doc, prose, words: WordModel, skip=lambda start: False) -> list[Finding]:
    """SPELL-WORD findings on the Vietnamese prose of ``doc``. ``skip(offset)`` tells which
    syllables are not to be checked (Ede text, verbatim quotes, lines with garbled text)."""
    if not words.frequent:
        return []
    text, source = prose.text, doc.text
    tokens = [(m.start(), m.end(), nfc(m.group())) for m in _SYLLABLE.finditer(text)]
    out: list[Finding] = []

    def joined(i: int) -> bool:  # tokens i and i+1 stand next to each other in one phrase
        a_end, b_start = tokens[i][1], tokens[i + 1][0]
        if b_start - a_end > _MAX_GAP:
            return False
        gap = source[a_end:b_start]
        # Masked text (code, link targets, tags) is blank in ``text`` but not in ``source``;
        # emphasis markers stay in ``text``: “**Không** bảo bạn” is a label then a word.
        return bool(gap) and not text[a_end:b_start].strip() and _GAP.fullmatch(gap) is not None

    def low(i: int) -> str:
        return norm(tokens[i][2])

    n = len(tokens)
    flagged = -1  # index of the second syllable of the last reported pair
    for i in range(n - 1):
        if not joined(i) or i == flagged:
            continue  # “DỊCH VU CÔNG”: one finding for “dịch vu”, not a second for “vu công”
        (s_a, _, word_a), (s_b, e_b, word_b) = tokens[i], tokens[i + 1]
        a, b = norm(word_a), norm(word_b)
        if a not in words.syllables or b not in words.syllables:
            continue
        if (a, b) in words.extra or ((a, b) in words.known and (a, b) not in words.weak):
            continue  # a word (a pair in only one dictionary and no corpus, like “thể hệ”, is
            # still compared with its variants: suggestions are always dictionary AND corpus words)
        if _titlecase(word_b) or (_titlecase(word_a) and not _sentence_start(text, s_a)):
            continue  # a proper name: Trung tâm Cung ứng, Bộ Công an
        if skip(s_a) or skip(s_b):
            continue
        suggestions = words.suggestions(a, b)
        if not suggestions:
            continue
        if i > 0 and joined(i - 1) and words.belongs((low(i - 1), a)):
            continue  # “địa bàn | xã”: the first syllable belongs to the word before
        if i + 2 < n and joined(i + 1) and words.belongs((b, low(i + 2))):
            continue  # “số | để”: the second syllable begins the next word
        original = " ".join(source[s_a:e_b].split())
        fixed = [_match_case(f"{x} {y}", word_a, word_b) for x, y in suggestions[:3]]
        quoted = " hoặc ".join(f"“{f}”" for f in fixed)
        flagged = i + 1
        out.append(doc.at(s_a, "SPELL-WORD", f"“{original}” — có phải ý bạn là {quoted}?",
                          "Hai tiếng này đều đúng nhưng ghép lại không thành từ, còn đổi một dấu thì thành "
                          "từ thông dụng. Nếu từ này đúng, thêm nguyên cụm (ví dụ “hằng năm”) vào data/words-vi.txt."))
    return out


def _match_case(fixed: str, word_a: str, word_b: str) -> str:
    x, y = fixed.split(" ", 1)
    def like(new: str, old: str) -> str:
        if old.isupper() and len(old) > 1:
            return new.upper()
        return new[:1].upper() + new[1:] if old[:1].isupper() else new
    return f"{like(x, word_a)} {like(y, word_b)}"
