"""Write the site's search index: small static script files, one language at a time.

Why not Pagefind (measured by ``bdhvs search-bench``, see docs-dev/search.md): its fixed
cost alone (WebAssembly 68 kB + two scripts 25 kB, compressed) leaves no room under the
100 kB budget for the first query, and it needs ``fetch`` + WebAssembly, which ``file://``
pages (the USB copy) cannot use. This index is plain script files loaded with
``<script src>``: the same files work online, under a sub-path and from ``file://``.

Layout, per html lang (``vi``, ``rad``), under ``search-index/<lang>/``::

    meta.js           pages count, list of term shards, Vietnamese pages shown in Ede
    t/<key>.js        term shard: words whose FOLDED form starts with <key> (2–3 letters)
    p/<id>.js         one page: address, title, text (for the excerpt)

Words are folded for matching (``rules.fold``: tone marks removed, đ→d, ƀ→b, final
y→i after a consonant, final k→c: "dang" finds "đăng", "ki" finds "ký") and kept as
written so exact spelling can rank first. Weights: title 7, headings 3 (up to 2), text 1
(up to 5) — a title match always beats a text match. The front-matter title and
description count as headings. Synonyms (``synonyms.py``) add the words of the other
members of a group to a page, at ``rules.SYNONYM_FACTOR`` of the weight.

``meta.js`` also carries ``rules`` (the fold rules, question words and listing factor:
the browser applies the same rules from there) and ``x`` (pages that are listings, not
guides, ranked lower).
"""
from __future__ import annotations

import json
import math
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from bdhvs.search import pages as pages_mod
from bdhvs.search import rules
from bdhvs.search.rules import tokenize
from bdhvs.search import synonyms as synonyms_mod

OUTPUT_DIR = "search-index"
SHARD_SPLIT_BYTES = 12 * 1024  # a 2-letter shard bigger than this (raw JSON) is split to 3 letters
MAX_TEXT_CHARS = 3000  # text kept per page for excerpts (8 of these files come with the first query)
TITLE_WEIGHT, HEADING_WEIGHT, HEADING_CAP, TEXT_CAP = 7, 3, 2, 5

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)»”])")
_KEY_CHAR = re.compile(r"[a-z0-9]")


def fold(word: str) -> str:
    return rules.fold(word)


def shard_key(folded: str, length: int = 2) -> str:
    return "".join(ch if _KEY_CHAR.match(ch) else "_" for ch in folded[:length])


def _xpath_for(selector: str) -> str:
    """The simple CSS selectors of pages.EXCLUDE_SELECTORS as XPath (lxml, no cssselect)."""
    if selector.startswith("."):
        return f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {selector[1:]} ')]"
    attr = re.fullmatch(r"\[([\w-]+)(?:='([^']*)')?\]", selector)
    if attr:
        name, value = attr.groups()
        return f".//*[@{name}='{value}']" if value is not None else f".//*[@{name}]"
    return f".//{selector}"


_EXCLUDE_XPATH = " | ".join(_xpath_for(s) for s in pages_mod.EXCLUDE_SELECTORS
                            + ["[data-pagefind-ignore]", "[data-search-ignore]"])


# Indexed, but not kept for excerpts: the list of sources at the end of a guide.
_NOT_IN_EXCERPT_XPATH = _xpath_for("[data-bdhvs='sources']")


def _text(node) -> str:
    # Text nodes joined with spaces keep words of separate blocks apart, but also put a
    # space before punctuation that follows inline markup ("VNeID ."): remove that one.
    return _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", " ".join(node.itertext()))).strip()


@dataclass
class Record:
    path: str  # file path in the site ("huong-dan/x/index.html")
    title: str
    headings: str
    text: str  # the whole article text (title and headings included)
    ede_path: str | None = None
    page_type: str = ""
    front: str = ""  # front-matter title and description (weighted like headings)
    excerpt: str | None = None  # text kept for excerpts (the text without the sources list)

    @property
    def listing(self) -> bool:
        return bool(self.page_type) and self.page_type not in rules.GUIDE_TYPES


def page_record(page: pages_mod.Page) -> Record | None:
    """Title (h1), headings (h2–h4) and text of the article of one page (only the
    article is parsed: the navigation around it is most of a page's bytes)."""
    if not page.article:
        return None
    article = lxml.html.fragment_fromstring(page.article)
    for node in article.xpath(_EXCLUDE_XPATH):
        if node.getparent() is not None:
            node.drop_tree()
    h1 = article.find(".//h1")
    title = _text(h1) if h1 is not None else page.title or page.path
    headings = " · ".join(_text(h) for h in article.xpath(".//h2 | .//h3 | .//h4"))
    front = " · ".join(t for t in (page.fm_title, page.description) if t)
    text = _text(article)
    for node in article.xpath(_NOT_IN_EXCERPT_XPATH):
        if node.getparent() is not None:
            node.drop_tree()
    return Record(page.path, title, headings, text, page.ede_path, page.page_type, front, _text(article))


def _weight(title: int, heads: int, text: int) -> int:
    only_text = max(0, text - title - heads)
    return TITLE_WEIGHT * min(title, 1) + HEADING_WEIGHT * min(heads, HEADING_CAP) + min(only_text, TEXT_CAP)


def _count(tokens: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return sum(1 for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n]) == phrase)


def page_weights(record: Record, groups: list[synonyms_mod.Group] = ()) -> dict[str, int]:
    """Weight of each written word on one page (title > headings > text), with the words
    of synonyms of what the page says (weaker)."""
    fields = [tokenize(record.title), tokenize(record.headings) + tokenize(record.front), tokenize(record.text)]
    title, heads, text = (defaultdict(int) for _ in range(3))
    for counts, tokens in zip((title, heads, text), fields):
        for w in tokens:
            counts[w] += 1
    weights = {w: _weight(title[w], heads[w], text[w]) for w in set(title) | set(heads) | set(text)}
    if groups:
        extra: dict[str, int] = {}
        for group in groups:
            found = {}
            for member in group.phrases:
                # As written: "tải" must not match "tài" (the synonym is about the word, not its letters).
                weight = _weight(*(_count(tokens, member.written) for tokens in fields))
                if weight:
                    found[member] = weight
            if not found:
                continue
            strongest = max(found.values())
            for member in group.phrases:
                if member in found:
                    continue
                for w in member.written:
                    extra[w] = max(extra.get(w, 0), math.ceil(strongest * rules.SYNONYM_FACTOR))
        for w, weight in extra.items():
            weights[w] = max(weights.get(w, 0), weight)
    return weights


SPLIT_MIN_CHARS = 8  # run-together words this long are split in the index ("tinnhiemmang")


def split_word(word: str, vocabulary: dict[str, int]) -> list[str] | None:
    """The fewest words of ``vocabulary`` (folded word → pages; ≥ 2 letters each, at least
    two) that make up ``word`` written together, or None; between splits of as many
    words, the one of more common words ("bo cong an", not "bo co ngan"). search-ui.js
    splits typed words by the same rule (fewest words)."""
    n = len(word)
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * n  # (pieces, -commonness, pieces)
    for i in range(n):
        if best[i] is None:
            continue
        count, common, pieces = best[i]
        for j in range(i + 2, n + 1):
            piece = rules.fold(word[i:j])
            if piece in vocabulary and piece != word:
                candidate = (count + 1, common - vocabulary[piece], pieces + [piece])
                if best[j] is None or candidate[:2] < best[j][:2]:
                    best[j] = candidate
    return best[n][2] if best[n] and best[n][0] > 1 else None


ANY_SPELLING = "*"  # the written form of a split piece: its spelling (marks) is not known


def add_split_words(weights: dict[str, int], vocabulary: dict[str, int]) -> dict[str, int]:
    """Folded words (weaker) for the run-together names of a page ("tinnhiemmang.vn",
    "dichvucong.gov.vn" → tin nhiem mang, dich vu cong): people type them apart. Only
    words the page does not already hold; their spelling is ``ANY_SPELLING`` (a query
    typed with marks neither gains the exact-spelling tier nor loses weight on them)."""
    held = {fold(w) for w in weights}
    out: dict[str, int] = {}
    for word, weight in weights.items():
        if len(word) >= SPLIT_MIN_CHARS and word.isascii() and word.isalpha():
            for piece in split_word(rules.base_fold(word), vocabulary) or []:
                if piece not in held:
                    out[piece] = max(out.get(piece, 0), math.ceil(weight * rules.SYNONYM_FACTOR))
    return out


ADDRESS_SPELLING = "/"  # the written form of a word of the page's address: spelling unknown


def add_address_words(record: Record) -> dict[str, int]:
    """The words of the page's address ("huong-dan/bao-ve-tai-khoan/" → bao ve tai khoan),
    weighted like a heading: editors name a page's file after what it does, in the words
    people type ("bảo vệ tài khoản" finds the page titled "giữ an toàn tài khoản"). Only
    words the page's title, headings and front matter do not already hold (folded: "tai"
    of an address is the "tài" of the title; "ve" is not the "về" of the text). Their
    spelling is ``ADDRESS_SPELLING`` (marks unknown), with its own rarity in the browser:
    few addresses hold a word."""
    path = record.path
    folder = path.rsplit("/", 2)[-2] if path.endswith("index.html") and "/" in path else path.rsplit(".", 1)[0]
    strong = {fold(w) for w in tokenize(record.title) + tokenize(record.headings) + tokenize(record.front)}
    return {fold(piece): HEADING_WEIGHT for piece in folder.split("-")
            if len(piece) >= 2 and piece.isalpha() and fold(piece) not in strong}


# Editor strings (titles, excerpts) in the index are JSON strings shown with textContent;
# < > & ' are also written as \u escapes (like Jinja's tojson), so no file of the index
# ever holds markup, even if it were read as HTML.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)


def _js(call: str, *args) -> str:
    return f"bdhvsSearchData.{call}({','.join(_json(a) for a in args)});\n"


def _postings(pairs: list[tuple[int, int]]) -> list[int]:
    """[id, weight, …] with ids as gaps (smaller after gzip)."""
    flat, last = [], 0
    for page_id, weight in sorted(pairs):
        flat += [page_id - last, weight]
        last = page_id
    return flat


def _write_language(out: Path, lang: str, records: list[Record], found: synonyms_mod.Synonyms) -> list[Path]:
    out.mkdir(parents=True)
    (out / "t").mkdir()
    (out / "p").mkdir()
    written = []
    # folded word -> written word -> [(page id, weight)]
    terms: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    all_weights = [page_weights(record, found.groups if lang == "vi" else []) for record in records]
    if lang == "vi":  # function words (tại, của…) say nothing of what a page is about: not indexed
        dropped = set(found.function_words)
        all_weights = [{w: n for w, n in weights.items() if w not in dropped} for weights in all_weights]
    vocabulary: dict[str, int] = defaultdict(int)  # folded word -> pages holding it
    for weights in all_weights:
        for folded in {fold(w) for w in weights}:
            vocabulary[folded] += 1
    for page_id, record in enumerate(records):
        for word, weight in all_weights[page_id].items():
            terms[fold(word)][word].append((page_id, weight))
        for folded, weight in add_split_words(all_weights[page_id], vocabulary).items():
            terms[folded][ANY_SPELLING].append((page_id, weight))
        for folded, weight in add_address_words(record).items():
            terms[folded][ADDRESS_SPELLING].append((page_id, weight))
        shown = record.excerpt if record.excerpt is not None else record.text
        body = shown[len(record.title):].lstrip() if shown.startswith(record.title) else shown
        page = {"u": record.path, "t": record.title, "b": body[:MAX_TEXT_CHARS]}  # excerpt source
        if record.front:
            page["s"] = record.front  # the summary: title and description (rules.NEAR_FACTOR)
        if record.ede_path:
            page["e"] = record.ede_path
        path = out / "p" / f"{page_id}.js"
        path.write_text(_js("page", lang, page_id, page), encoding="utf-8")
        written.append(path)
    groups: dict[str, dict] = defaultdict(dict)
    for folded, spellings in sorted(terms.items()):
        groups[shard_key(folded)][folded] = {w: _postings(p) for w, p in sorted(spellings.items())}
    keys = []
    for key, group in sorted(groups.items()):
        parts = {key: group}
        if len(json.dumps(group, ensure_ascii=False)) > SHARD_SPLIT_BYTES:
            parts = defaultdict(dict)
            for folded, entry in group.items():
                parts[shard_key(folded, 3)][folded] = entry
        for part_key, part in sorted(parts.items()):
            path = out / "t" / f"{part_key}.js"
            path.write_text(_js("shard", lang, part_key, part), encoding="utf-8")
            written.append(path)
            keys.append(part_key)
    meta = {"n": len(records), "keys": keys,
            "ede": [i for i, r in enumerate(records) if r.ede_path],
            "x": [i for i, r in enumerate(records) if r.listing],
            "rules": rules.for_browser(found.question_words,
                                       rules.bound_spellings([tokenize(r.text) for r in records]),
                                       found.function_words)}
    path = out / "meta.js"
    path.write_text(_js("meta", lang, meta), encoding="utf-8")
    written.append(path)
    return written


@dataclass
class IndexReport:
    indexed: dict[str, int]  # html lang -> pages indexed
    fallbacks: int  # Ede fallback pages NOT indexed (shown through their Vietnamese twin)
    files: list[Path]
    problems: list = ()  # findings in the synonyms file (entries skipped)


def build_search_index(site_dir: Path, data_dir: Path | None = None) -> IndexReport:
    """(Re)write ``<site_dir>/search-index/`` from the built pages."""
    site_dir = Path(site_dir)
    found = synonyms_mod.load(data_dir)
    scanned = pages_mod.scan_site(site_dir)
    by_lang: dict[str, list[Record]] = defaultdict(list)
    for rel, page in scanned.items():
        if not page.indexed:
            continue
        record = page_record(page)
        if record is not None:
            by_lang[page.lang].append(record)
    out = site_dir / OUTPUT_DIR
    if out.exists():
        shutil.rmtree(out)
    files = []
    for lang, records in sorted(by_lang.items()):
        files += _write_language(out / lang, lang, records, found)
    return IndexReport({lang: len(r) for lang, r in by_lang.items()},
                       sum(1 for p in scanned.values() if p.fallback), files, found.problems)

