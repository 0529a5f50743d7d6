"""Benchmark of the word-level spelling check on real text (prints a Markdown table).

    .venv/bin/python -m bdhvs.checks.spelling_bench

Corpora (tests/checks/spelling_corpus/README.md lists every source):
- typos: real typos whose syllables are all valid, written by others (typos.yml), each a
  short sentence; a typo is found when SPELL-WORD points at it and suggests the right word;
- correct texts: the commune plan (shared/seed) with its real typos corrected, the quoted
  official phrases of shared/research/egov-facts.md, official pages and legal texts
  (correct/*.md), correct phrases found next to the typos; every SPELL-WORD there is a
  false positive.

"Old checker" = the checks before SPELL-WORD (syllable dictionary + confusables list).
"""
from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs import settings
from bdhvs.checks import data as data_mod
from bdhvs.checks import prose, spelling
from bdhvs.checks.source import Document, split_front_matter

CORPUS = settings.ROOT / "tests" / "checks" / "spelling_corpus"
SHARED = settings.ROOT.parent / "shared"
if not (SHARED / "seed").exists():
    SHARED = settings.ROOT.parents[1] / "shared"
WORD_LEVEL_OLD = ("SPELL-VI", "SPELL-CONFUSABLE", "SPELL-ABBR")
_QUOTE = re.compile(r"\"([^\"\n]{3,300})\"")
_VIETNAMESE = re.compile(r"[à-ỹđĐ]")
_ENGLISH = re.compile(r"\b(?:the|and|from|with|of|to|for|is|are|in|on|by)\b")


@dataclass
class Row:
    corpus: str
    words: int
    typos: int = 0
    found_new: int = 0
    found_old: int = 0
    fp_new: int = 0
    fp_old: int = 0


def load_typos() -> dict:
    return yaml.safe_load((CORPUS / "typos.yml").read_text(encoding="utf-8"))


def analyse(name: str, text: str, project, speller):
    doc = Document(path=Path(name), name=f"docs/vi/{name}", text=text, kind="page", lang="vi")
    split_front_matter(doc)
    p = prose.analyse(doc)
    words = sum(1 for _ in spelling.WORD.finditer(p.text))
    return doc, words, spelling.check(doc, p, project, speller)


def plan_fixed(typos: list[dict]) -> list[tuple[str, str]]:
    """The commune plan with its real typos (those of typos.yml) corrected."""
    out = []
    for path in sorted((SHARED / "seed").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for t in typos:
            if "shared/seed" in t["source"]:
                text = text.replace(t["text"], t["text"].replace(t["typo"], t["right"]))
        out.append((f"plan: {path.name}", text))
    return out


def egov_quotes() -> list[tuple[str, str]]:
    path = SHARED / "research" / "egov-facts.md"
    if not path.exists():
        return []
    quotes = [q for q in _QUOTE.findall(path.read_text(encoding="utf-8"))
              if _VIETNAMESE.search(q) and not _ENGLISH.search(q)]
    return [("egov-facts quotes", "\n\n".join(quotes) + "\n")]


def correct_texts(corpus: dict) -> list[tuple[str, str]]:
    texts = plan_fixed(corpus["typos"]) + egov_quotes()
    texts += [(f"official: {p.stem}", p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "correct").glob("*.md"))]
    texts.append(("correct phrases near typos", "\n\n".join(c["text"] for c in corpus.get("correct", [])) + "\n"))
    return texts


def typo_found(doc, findings, text: str, typo: str, right: str, codes) -> bool:
    """A finding of ``codes`` that covers the typo (it may start on the syllable before:
    “dịch vu” for the typo “vu công”); SPELL-WORD must also suggest the corrected syllables."""
    start = text.index(typo)
    line, col = doc.pos(start)
    changed = [r for t, r in zip(typo.split(), right.split()) if t != r]
    for f in findings:
        before = 8 if codes == ("SPELL-WORD",) else 0
        if f.code not in codes or f.line != line or not (col - before <= f.col < col + len(typo)):
            continue
        if codes != ("SPELL-WORD",):
            return True
        suggested = f.message.split("ý bạn là", 1)[-1].lower()
        if all(c.lower() in suggested for c in changed):
            return True
    return False


def _bare(speller):
    """The same speller without the project's phrases of data/words-vi.txt: what the rule
    does on text nobody has tuned it for."""
    import copy
    bare = copy.copy(speller)
    bare.words = copy.copy(speller.words)
    bare.words.extra, bare.words.context = set(), set()
    return bare


def site_pages() -> list[tuple[str, str]]:
    return [(p.relative_to(settings.ROOT).as_posix(), p.read_text(encoding="utf-8"))
            for p in sorted((settings.DOCS_DIR / "vi").rglob("*.md"))]


def run() -> tuple[list[Row], float]:
    project = data_mod.load()
    speller = spelling.Speller(project)
    bare = _bare(speller)
    corpus = load_typos()
    t0 = time.perf_counter()
    rows = []
    diacritic = [t for t in corpus["typos"] if t.get("kind") != "other"]
    for label, sp, typos in (("real typos, all (typos.yml)", speller, corpus["typos"]),
                             ("real typos, one-diacritic slips", speller, diacritic),
                             ("real typos, all, without project phrases", bare, corpus["typos"])):
        row = Row(label, 0, len(typos))
        for t in typos:
            doc, words, findings = analyse("typo.md", t["text"] + "\n", project, sp)
            row.words += words
            row.found_new += typo_found(doc, findings, t["text"], t["typo"], t["right"], ("SPELL-WORD",))
            row.found_old += typo_found(doc, findings, t["text"], t["typo"], t["right"], WORD_LEVEL_OLD)
        rows.append(row)
    for name, text in correct_texts(corpus):
        _, words, findings = analyse("correct.md", text, project, speller)
        rows.append(Row(name, words, fp_new=sum(f.code == "SPELL-WORD" for f in findings),
                        fp_old=sum(f.code == "SPELL-CONFUSABLE" for f in findings)))
    return rows, time.perf_counter() - t0


def extra_rows() -> list[Row]:
    """False positives without the project's phrases: on the correct texts, and on this
    site's own pages (docs/vi/, written here: not part of the target, shown for scale)."""
    project = data_mod.load()
    bare = _bare(spelling.Speller(project))
    out = []
    for label, texts in (("correct texts, without project phrases", correct_texts(load_typos())),
                         ("site pages docs/vi/ (ours), without project phrases", site_pages())):
        row = Row(label, 0)
        for name, text in texts:
            _, words, findings = analyse("correct.md", text, project, bare)
            row.words += words
            row.fp_new += sum(f.code == "SPELL-WORD" for f in findings)
            row.fp_old += sum(f.code == "SPELL-CONFUSABLE" for f in findings)
        out.append(row)
    return out


def table(rows: list[Row]) -> str:
    out = ["| corpus | words | typos | found (new) | recall (new) | found (old) | recall (old) "
           "| false-positive words (new / old) | FP rate (new / old) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    correct = [r for r in rows if not r.typos]  # the rows of run(): correct texts only
    for r in rows:
        if r.typos:
            out.append(f"| {r.corpus} | {r.words} | {r.typos} | {r.found_new} | {r.found_new / r.typos:.1%} "
                       f"| {r.found_old} | {r.found_old / r.typos:.1%} | | |")
        else:
            out.append(f"| {r.corpus} | {r.words} | | | | | | {r.fp_new} / {r.fp_old} "
                       f"| {r.fp_new / max(r.words, 1):.2%} / {r.fp_old / max(r.words, 1):.2%} |")
    words = sum(r.words for r in correct)
    fp_new, fp_old = sum(r.fp_new for r in correct), sum(r.fp_old for r in correct)
    out.append(f"| **correct texts, total** | {words} | | | | | | {fp_new} / {fp_old} "
               f"| {fp_new / max(words, 1):.2%} / {fp_old / max(words, 1):.2%} |")
    for r in extra_rows():
        out.append(f"| {r.corpus} | {r.words} | | | | | | {r.fp_new} / {r.fp_old} "
                   f"| {r.fp_new / max(r.words, 1):.2%} / {r.fp_old / max(r.words, 1):.2%} |")
    return "\n".join(out)


def false_positives() -> list[str]:
    """The SPELL-WORD findings on the correct texts and the site's pages, without the
    project's phrases, for reading them one by one."""
    project = data_mod.load()
    speller = spelling.Speller(project)
    out = []
    for name, text in correct_texts(load_typos()) + site_pages():
        _, _, findings = analyse("correct.md", text, project, _bare(speller))
        out += [f"{name}:{f.line}: {f.message}" for f in findings if f.code == "SPELL-WORD"]
    return out


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(encoding="utf-8")
    rows, seconds = run()
    print(table(rows))
    print(f"\n{seconds:.2f} s for all corpora (dictionaries already loaded).")
    if argv and "--list" in argv:
        print("\n".join(false_positives()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
