"""Search quality benchmark: does the right guide come first for what people type?

The query set (``tests/search/queries.yml``: guide slug(s) → queries) is typed into the
site's own search box in real Chromium, one query after the other, on a built site
served on 127.0.0.1. For each query the rank of the first right guide among the results
shown (0 = not shown) gives top-1, top-3 and MRR (mean of 1/rank), overall and by kind
of query (question, typed without marks, other). Several built sites can be measured
in one run (e.g. before and after a change) and are printed side by side.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs import settings

QUERIES_FILE = Path("tests") / "search" / "queries.yml"
GUIDE_PREFIX = "huong-dan/"
_QUESTION = re.compile(r"^(làm sao|lam sao|cách|cach|tại sao|tai sao|ai|có nên|co nen)\b|\?$|"
                       r"\b(thế nào|the nao|không|khong|báo ai|bao ai|ở đâu|o dau|làm sao|lam sao)$", re.I)


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # guide slugs; any of them is right

    @property
    def kind(self) -> str:
        if _QUESTION.search(self.text):
            return "câu hỏi"
        if self.text.isascii():
            return "không dấu"
        return "có dấu"


def load_queries(path: Path | None = None) -> list[Query]:
    path = Path(path) if path else settings.ROOT / QUERIES_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    queries = []
    for slugs, texts in data.items():
        for text in texts or []:
            queries.append(Query(unicodedata.normalize("NFC", str(text)), tuple(str(slugs).split())))
    return queries


@dataclass
class Outcome:
    query: Query
    rank: int  # 1-based rank of the first right guide; 0 = not among the results
    found: list[str]  # result paths ("huong-dan/x/")


def rank_of(found: list[str], expected: tuple[str, ...]) -> int:
    wanted = {f"{GUIDE_PREFIX}{slug}/" for slug in expected}
    for i, path in enumerate(found, 1):
        if path in wanted:
            return i
    return 0


def measure_site(site: Path, queries: list[Query], *, browser) -> list[Outcome]:
    """Type every query into the search box of ``site`` (served locally)."""
    from bdhvs.search.bench import _serve

    outcomes = []
    with _serve(Path(site)) as origin:
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{origin}/", wait_until="networkidle")
        page.wait_for_selector("[data-bdhvs-search-open]:not([hidden])")
        page.keyboard.press("/")
        box = page.locator("#bdhvs-search-input")
        box.wait_for(state="visible")
        for query in queries:
            box.fill("")
            box.type(query.text)  # key by key, like a reader
            page.wait_for_function(
                "q => document.getElementById('bdhvs-search-results').dataset.query === q",
                arg=query.text.strip(), timeout=30000)
            hrefs = page.eval_on_selector_all(".bdhvs-search__result", "els => els.map(e => e.href)")
            found = [h[len(origin) + 1:] if h.startswith(origin) else h for h in hrefs]
            outcomes.append(Outcome(query, rank_of(found, query.expected), found))
        context.close()
    return outcomes


@dataclass
class Score:
    n: int
    top1: float
    top3: float
    mrr: float


def score(outcomes: list[Outcome]) -> Score:
    n = len(outcomes) or 1
    return Score(len(outcomes),
                 sum(1 for o in outcomes if o.rank == 1) / n,
                 sum(1 for o in outcomes if 1 <= o.rank <= 3) / n,
                 sum(1 / o.rank for o in outcomes if o.rank) / n)


KINDS = ("có dấu", "không dấu", "câu hỏi")


def format_quality_table(results: dict[str, list[Outcome]]) -> str:
    """One row per measured site and kind of query: queries, top-1, top-3, MRR."""
    header = ("Trang đo", "Loại truy vấn", "Số truy vấn", "Đúng ở vị trí 1", "Trong 3 kết quả đầu", "MRR")
    lines = [header]
    for label, outcomes in results.items():
        groups = [("tất cả", outcomes)] + [(k, [o for o in outcomes if o.query.kind == k]) for k in KINDS]
        for kind, group in groups:
            s = score(group)
            lines.append((label, kind, str(s.n), f"{s.top1:.1%}", f"{s.top3:.1%}", f"{s.mrr:.3f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) for line in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(out)


def format_misses(outcomes: list[Outcome], limit: int = 40) -> str:
    misses = [o for o in outcomes if o.rank != 1]
    lines = [f"Truy vấn chưa đúng ở vị trí 1 ({len(misses)}):"]
    for o in misses[:limit]:
        shown = ", ".join(p.removeprefix(GUIDE_PREFIX).rstrip("/") or "/" for p in o.found[:3]) or "không có kết quả"
        lines.append(f"  «{o.query.text}» → cần {'/'.join(o.query.expected)}; "
                     f"{'vị trí ' + str(o.rank) if o.rank else 'không thấy'}; 3 đầu: {shown}")
    return "\n".join(lines)


def run_quality_bench(sites: dict[str, Path] | None = None, *, queries_file: Path | None = None,
                      log=print) -> dict[str, list[Outcome]]:
    """Measure each built site (label → folder); without sites, build today's site first."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS
    from bdhvs.search.bench import build

    queries = load_queries(queries_file)
    results: dict[str, list[Outcome]] = {}
    with tempfile.TemporaryDirectory(prefix="bdhvs-search-quality-") as work:
        if not sites:
            site = Path(work) / "site"
            log("• Dựng trang hôm nay …")
            build(settings.ROOT, settings.ROOT / "docs", site, Path(work), material_search=False)
            sites = {"hôm nay": site}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for label, site in sites.items():
                log(f"• Gõ {len(queries)} truy vấn vào ô tìm kiếm của {label} ({site}) …")
                results[label] = measure_site(site, queries, browser=browser)
            browser.close()
    return results
