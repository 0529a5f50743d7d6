"""Generated guides for measuring the site at scale (1,000 guides), derived from the real ones.

Each generated guide looks like a real one to the build and to a reader's phone:

- its title joins fragments of real titles (cut at "và", "khi", "trên", ":", " - " …), so
  titles are Vietnamese, of the real lengths and varied (no repeated "(bản thử N)" suffix
  that gzip would squeeze away);
- its description joins one to three clauses of real descriptions;
- its topic (``platform``) follows the real guides' mix, so the site has the same topics,
  each several times bigger; its audiences are a random non-empty subset;
- its body is the introduction of a real guide of that topic and three to eight ``##``
  sections of real guides of the same topic (varied lengths);
- its file name is the slug of its title, like an editor's guide.

The output is written into a COPY of docs/ (never the repository's). Deterministic (seed).
These pages are only for measuring: they are never published.
"""
from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs.content.schema import AUDIENCES
from bdhvs.content.slugs import slugify

GUIDE_DIR = "huong-dan"
_JOINS = ("và", "khi", "trên", "cho", "bằng", "qua", "tại", "để", "hoặc", "trong")
_CUTS = re.compile(r"\s*(?::|\s-\s|,)\s*|\s+(?=(?:" + "|".join(_JOINS) + r")\s)")
_CONNECTORS = ("và", "khi", "trên", "cho", "qua", "trong")  # put before a fragment that has none
_MARKER = re.compile(r"<!--\s*bdhvs:[^>]*?-->")
_SAFETY = re.compile(r"<!--\s*bdhvs:safety\s+([a-z-]+)\s*-->")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\s+-\s+")


@dataclass
class RealGuide:
    meta: dict
    intro: str
    sections: list[str]


def read_real_guides(docs_dir: Path) -> list[RealGuide]:
    """The real guides of ``docs_dir/vi/huong-dan`` (page_type: guide)."""
    from bdhvs.content.guides import read_page  # through the gate, like every reader of pages

    out = []
    for path in sorted((docs_dir / "vi" / GUIDE_DIR).glob("*.md")):
        meta, body = read_page(path, docs_dir)  # body without the blank line after the front matter
        if meta.get("page_type") != "guide":
            continue
        parts = re.split(r"(?m)^(?=## )", body)
        out.append(RealGuide(meta, parts[0], parts[1:]))
    if not out:
        raise RuntimeError("Không có hướng dẫn thật nào để làm mẫu (docs/vi/huong-dan/*.md).")
    return out


def fragments(titles: list[str]) -> tuple[list[str], list[str]]:
    """(heads, tails): the first fragment of each real title (a task: "Cài đặt ứng dụng
    VNeID thật") and the other fragments ("nhận biết ứng dụng giả", "khi mất điện thoại")."""
    heads, tails = [], []
    for title in titles:
        parts = [p.strip(" \"'") for p in _CUTS.split(title) if p and p.strip(" \"'")]
        if not parts:
            continue
        if len(parts[0].split()) >= 2:
            heads.append(parts[0])
        tails += [p for p in parts[1:] if len(p.split()) >= 2]
    return heads, tails


def make_title(rng: random.Random, heads: list[str], tails: list[str], seen: set[str]) -> str:
    """A title of one to three real fragments, not used before."""
    for attempt in range(50):
        words = [rng.choice(heads)]
        extra = rng.choices((0, 1, 2), weights=(3, 5, 2))[0] + (attempt // 10)
        for _ in range(min(extra, 3)):
            tail = rng.choice(tails)
            first = tail.split()[0]
            words.append(tail if first in _JOINS else f"{rng.choice(_CONNECTORS)} {tail}")
        title = " ".join(words)
        title = title[0].upper() + title[1:]
        if title not in seen:
            seen.add(title)
            return title
    title = f"{title} ({len(seen) + 1})"
    seen.add(title)
    return title


def _without_repeated_markers(intro: str, sections: list[str]) -> list[str]:
    """Sections in order, leaving out one that repeats a ``<!-- bdhvs:… -->`` marker already
    in the guide (a guide has each shared block once)."""
    seen = set(_MARKER.findall(intro))
    kept = []
    for section in sections:
        marks = set(_MARKER.findall(section))
        if marks & seen:
            continue
        seen |= marks
        kept.append(section)
    return kept


def make_description(rng: random.Random, clauses: list[str]) -> str:
    picked = rng.sample(clauses, min(len(clauses), rng.choice((1, 1, 2, 2, 3))))
    text = " ".join(c if c.endswith((".", "?", "!")) else c + "." for c in picked)
    return text[0].upper() + text[1:]


def generate(docs_dir: Path, count: int, seed: int = 24) -> list[Path]:
    """Write ``count`` guides into ``docs_dir/vi/huong-dan`` (a copy of docs/). Returns their paths."""
    real = read_real_guides(docs_dir)
    rng = random.Random(seed)
    heads, tails = fragments([str(g.meta.get("title") or "") for g in real])
    clauses = [c.strip() for g in real for c in _SENTENCES.split(str(g.meta.get("description") or ""))
               if len(c.split()) >= 4]
    by_platform: dict[str, list[RealGuide]] = {}
    for guide in real:
        by_platform.setdefault(str(guide.meta.get("platform")), []).append(guide)
    platforms = [str(g.meta.get("platform")) for g in real]  # the real mix of topics
    guide_dir = docs_dir / "vi" / GUIDE_DIR
    seen_titles = {str(g.meta.get("title")) for g in real}
    seen_slugs = {p.stem for p in guide_dir.glob("*.md")}
    written = []
    for _ in range(count):
        platform = rng.choice(platforms)
        base = rng.choice(by_platform[platform])
        title = make_title(rng, heads, tails, seen_titles)
        pool = [s for g in by_platform[platform] for s in g.sections] or base.sections
        body = _without_repeated_markers(base.intro, rng.sample(pool, min(len(pool), rng.randint(3, 8))))
        meta = dict(base.meta)
        meta["title"] = title
        meta["description"] = make_description(rng, clauses)
        meta["audience"] = rng.sample(AUDIENCES, rng.randint(1, len(AUDIENCES)))
        # The guide kit wants one safety box per declared risk: declare those the body has.
        risks = list(dict.fromkeys(_SAFETY.findall(base.intro + "".join(body))))
        meta.pop("risks", None)
        if risks:
            meta["risks"] = risks
        intro = re.sub(r"(?m)^# .*$", f"# {title}", base.intro, count=1)
        stem = "-".join(slugify(title).split("-")[:8])
        slug, n = stem, 2
        while slug in seen_slugs:
            slug, n = f"{stem}-{n}", n + 1
        seen_slugs.add(slug)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        path = guide_dir / f"{slug}.md"
        path.write_text(f"---\n{front}---\n{intro}{''.join(body)}", encoding="utf-8")
        written.append(path)
    return written


def generated_docs(work: Path, guides: int, source: Path) -> Path:
    """A copy of ``source`` (docs/) in ``work`` with ``guides`` generated guides added."""
    docs = work / "docs-generated"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(source, docs)
    generate(docs, guides)
    return docs
