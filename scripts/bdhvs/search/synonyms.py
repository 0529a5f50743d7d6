"""Synonyms and other spellings for search: data/search-synonyms.yml (+ glossary, names).

Groups of words or phrases that mean the same for a reader ("tải" / "cài đặt",
"Đắc Lắc" / "Đắk Lắk"). They are applied when the index is written: a page containing
one member also gets the words of the other members (weight × ``rules.SYNONYM_FACTOR``),
so the browser needs nothing more than the fold rules, and a query typed with any member
finds the page. Sources of groups, all in one list (:func:`load`):

- ``data/search-synonyms.yml`` ``synonyms:``: ``words`` + ``source`` (why, where it
  comes from) or ``glossary`` (a ``term`` of data/glossary.yml, added to the group; the
  glossary entry is the source).
- data/glossary.yml: an abbreviation whose definition is its expansion
  ("BHYT: Bảo hiểm y tế.") is a group by itself.
- data/confusables-vi.yml ``names:``: the right spelling of a name and the other
  spellings people write (Đắk Lắk / Đắc Lắc / Daklak …).

``question_words`` (làm sao, thế nào…) are dropped from a query that has other words.
``function_words`` (tại, của, và…: words that say nothing of what a page is about) are not
indexed, spelled as written: "tai" typed without marks then means "tải" or "tài", never
"tại"; typed with marks they are dropped from a query that has other words.

Mistakes give findings (DATA-YAML, DATA-ENTRY) in Vietnamese with file and line, shown by
``bdhvs check``; the build shows them as warnings (``--strict`` fails) and skips the entry.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.inputs import datafiles
from bdhvs.findings import Finding, relative
from bdhvs.search import rules
from bdhvs.search.rules import tokenize

FILE_NAME = "search-synonyms.yml"
ENTRY_KEYS = {"words", "source", "glossary", "note"}
_ABBREVIATION = re.compile(r"^[A-ZĐ]{2,6}$")
_HINT = "Xem cách viết ở đầu tệp data/search-synonyms.yml và trong data/README.md."


@dataclass(frozen=True)
class Phrase:
    written: tuple[str, ...]  # words as written (lower case, NFC)
    folded: tuple[str, ...]


@dataclass
class Group:
    phrases: list[Phrase]
    source: str
    origin: str  # file:line the group comes from


@dataclass
class Synonyms:
    groups: list[Group] = field(default_factory=list)
    question_words: list[str] = field(default_factory=list)
    function_words: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def phrase(text: str) -> Phrase | None:
    words = tokenize(text)
    return Phrase(tuple(words), tuple(rules.fold(w) for w in words)) if words else None


def _line(node) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    return None


def _key(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if getattr(k, "value", None) == key:
                return k
    return node


def _glossary_terms(data_dir: Path) -> dict[str, str]:
    """term → definition (the glossary's own check reports its mistakes)."""
    doc = datafiles.read("glossary.yml", data_dir, root=data_dir.parent).data  # the gate's reader
    if isinstance(doc, dict):  # `terms:` then the list (a bare list is accepted too)
        doc = doc.get("terms")
    out = {}
    for item in doc if isinstance(doc, list) else []:
        if isinstance(item, dict) and isinstance(item.get("term"), str):
            out[unicodedata.normalize("NFC", item["term"])] = str(item.get("definition") or "")
    return out


def _glossary_groups(terms: dict[str, str], name: str) -> list[Group]:
    groups = []
    for term, definition in terms.items():
        expansion = definition.strip().rstrip(".")
        if _ABBREVIATION.match(term) and expansion and "." not in expansion and len(expansion.split()) <= 6:
            members = [p for p in (phrase(term), phrase(expansion)) if p]
            if len(members) == 2:
                groups.append(Group(members, f"từ điển thuật ngữ: {term}", name))
    return groups


def _name_groups(data_dir: Path) -> list[Group]:
    path = data_dir / "confusables-vi.yml"
    doc = datafiles.read("confusables-vi.yml", data_dir, root=data_dir.parent).data  # problems: the gate reports them
    groups = []
    for item in (doc or {}).get("names") or [] if isinstance(doc, dict) else []:
        if not isinstance(item, dict) or not item.get("right") or not isinstance(item.get("wrong"), list):
            continue
        members = [p for p in (phrase(str(w)) for w in [item["right"], *item["wrong"]]) if p]
        if len(set(members)) >= 2:
            groups.append(Group(list(dict.fromkeys(members)), str(item.get("source") or ""),
                                relative(path, settings.ROOT)))
    return groups


def load(data_dir: Path | None = None) -> Synonyms:
    data_dir = Path(data_dir or settings.DATA_DIR)
    path = data_dir / FILE_NAME
    name = relative(path, settings.ROOT)
    out = Synonyms()
    terms = _glossary_terms(data_dir)
    out.groups += _glossary_groups(terms, relative(data_dir / "glossary.yml", settings.ROOT))
    out.groups += _name_groups(data_dir)
    record = datafiles.read(FILE_NAME, data_dir, root=data_dir.parent)  # the gate's reader
    if record.data is None:
        out.problems += record.findings  # unreadable: the gate's findings (DATA-YAML, FILE-…) at the line
        return out
    doc, root = record.data, record.node

    def problem(node, message: str) -> None:
        out.problems.append(finding(name, _line(node), 1, "DATA-ENTRY", message, _HINT))

    if doc is None:
        return out
    if not isinstance(doc, dict):
        problem(root, "Tệp phải có hai mục 'question_words:' và 'synonyms:' (không phải một danh sách)")
        return out
    for key in doc:
        if key not in ("question_words", "function_words", "synonyms"):
            problem(_key(root, key), f"Mục '{key}' không dùng được; chỉ có 'question_words', "
                                     "'function_words' và 'synonyms'")
    words_node = _child(root, "question_words")
    words = doc.get("question_words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and tokenize(w) for w in words):
        problem(words_node, "'question_words' phải là danh sách các từ, ví dụ: [làm sao, thế nào]")
    else:
        out.question_words = [" ".join(tokenize(w)) for w in words]
    fn_node = _child(root, "function_words")
    fn_words = doc.get("function_words") or []
    if not isinstance(fn_words, list) or not all(isinstance(w, str) and len(tokenize(w)) == 1 for w in fn_words):
        problem(fn_node, "'function_words' phải là danh sách các chữ đơn, viết đủ dấu, ví dụ: [tại, của, và]")
    else:
        out.function_words = sorted({tokenize(w)[0] for w in fn_words})
    items = doc.get("synonyms") or []
    items_node = _child(root, "synonyms")
    if not isinstance(items, list):
        problem(items_node, "'synonyms' phải là danh sách, mỗi mục bắt đầu bằng '- words: [...]'")
        return out
    for i, item in enumerate(items):
        node = items_node.value[i] if isinstance(items_node, yaml.SequenceNode) else items_node
        group = _entry(item, node, terms, name, problem)
        if group is not None:
            out.groups.append(group)
    return out


def _entry(item, node, terms: dict[str, str], name: str, problem) -> Group | None:
    if not isinstance(item, dict):
        problem(node, "Mỗi mục trong 'synonyms' phải có dạng '- words: [từ 1, từ 2]' và 'source: …'")
        return None
    for key in item:
        if key not in ENTRY_KEYS:
            problem(_key(node, key), f"Trường '{key}' không dùng được; chỉ có: words, source, glossary, note")
            return None
    words = item.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, (str, int)) for w in words):
        problem(_child(node, "words") or node, "'words' phải là danh sách các từ hoặc cụm từ, ví dụ: [tải, cài đặt]")
        return None
    members = []
    for w in words:
        p = phrase(str(w))
        if p is None:
            problem(_child(node, "words"), f"'{w}' không có chữ nào để tìm")
            return None
        members.append(p)
    glossary = item.get("glossary")
    source = item.get("source")
    if glossary is not None:
        term = unicodedata.normalize("NFC", str(glossary))
        if term not in terms:
            problem(_child(node, "glossary"), f"Không có thuật ngữ '{glossary}' trong data/glossary.yml "
                                              "(ghi đúng như dòng 'term:' của thuật ngữ đó)")
            return None
        members.insert(0, phrase(term))
        source = source or f"từ điển thuật ngữ: {term}"
    if not isinstance(source, str) or not source.strip():
        problem(node, f"Mục {', '.join(map(str, words))}: thiếu 'source' (vì sao các từ này cùng nghĩa, "
                      "lấy từ đâu) hoặc 'glossary' (thuật ngữ trong data/glossary.yml)")
        return None
    unique = list(dict.fromkeys(members))
    if len(unique) < 2:
        problem(_child(node, "words"), f"Mục {', '.join(map(str, words))}: cần ít nhất hai cách viết khác nhau")
        return None
    return Group(unique, source.strip(), f"{name}:{_line(node)}")


def check(data_dir: Path | None = None) -> list[Finding]:
    """Findings for `bdhvs check` (an empty list when the file is right or absent)."""
    return load(data_dir).problems
