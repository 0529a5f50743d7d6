"""The site at 1,000 guides: does a guide page, the home and the search index stay small?

Three sites, measured the same way:

- today's site (the real guides);
- the same project with N generated guides (bench/corpus.py: realistic titles,
  descriptions, topics and bodies derived from the real guides), built as `make site` does;
- plain Material for MkDocs built from the same N-guide pages (bench/sites.build_plain).

For each: every guide page's first-visit bytes before images (gzip -6 as the shipped nginx
config sends them; min / median / max over every guide page of both languages), the home's
first visit, the search index on disk (gzip) and the build time.

How every guide page is measured without opening thousands of pages in Chromium: a page
costs its own HTML plus what it loads (stylesheets, scripts, fonts). Pages that name the
same files in their <head>/<body> tags and have the same language load the same things,
so Chromium opens ONE page of each such group and records what it loads, whatever the
files are called (a bundled stylesheet, a hashed name...). Every page = its own HTML
gzip + its group's load. The min, median and max pages are then opened in Chromium too,
and the table prints what Chromium measured on them (a difference with the estimate is
printed, so the shortcut can never hide a mistake).
"""
from __future__ import annotations

import datetime as dt
import gzip
import re
import tempfile
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs import settings
from bdhvs.audit.weight import PageWeight

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
_TAG = re.compile(r"<(link|script)\b([^>]*)>", re.I)
_ATTR = re.compile(r'\b(rel|href|src)\s*=\s*"([^"]*)"', re.I)
_LANG = re.compile(r'<html[^>]*\blang="([^"]*)"', re.I)
# Names of the search index each engine writes (ours: a folder of shards; Material: lunr JSON).
SEARCH_INDEX_DIRS = ("search-index", "search", "pagefind")
HOME_BUDGET = settings.PAGE_BUDGET_BEFORE_IMAGES  # issue 24: the home's first visit has the guides' budget


@dataclass
class SiteScale:
    name: str
    guides: int = 0  # guide pages measured (both languages)
    build_seconds: float | None = None
    guide_bytes: dict[str, int] = field(default_factory=dict)  # path -> before-images gzip (estimate)
    guide_html: dict[str, int] = field(default_factory=dict)  # path -> the page's own HTML gzip
    measured: dict[str, PageWeight] = field(default_factory=dict)  # "min"/"median"/"max" -> Chromium
    extreme_paths: dict[str, str] = field(default_factory=dict)
    home: PageWeight | None = None
    search_index: int = 0
    listing: int | None = None  # the list of every guide by topic (huong-dan/), its HTML gzip
    warnings: list[str] = field(default_factory=list)


def guide_paths(site: Path, docs_dir: Path) -> list[str]:
    """Site paths of every guide page (both languages): docs_dir/vi/huong-dan/*.md with
    page_type: guide, at huong-dan/<slug>/ and ede/huong-dan/<slug>/ when built."""
    out = []
    for md in sorted((docs_dir / "vi" / "huong-dan").glob("*.md")):
        head = md.read_text(encoding="utf-8")[:4000]
        if not re.search(r"(?m)^page_type:\s*guide\s*$", head):
            continue
        for prefix in ("", "ede/"):
            path = f"{prefix}huong-dan/{md.stem}/"
            if (site / path / "index.html").is_file():
                out.append(path)
    return out


def signature(html: str) -> tuple:
    """What a page asks the browser to load from its tags, and its language."""
    loads = []
    for tag, attrs in _TAG.findall(html):
        values = {k.lower(): v for k, v in _ATTR.findall(attrs)}
        if tag.lower() == "script" and values.get("src"):
            loads.append(("script", re.sub(r"^(\.\./)+", "", values["src"])))
        elif tag.lower() == "link" and values.get("rel", "").lower() in {"stylesheet", "preload", "modulepreload"}:
            loads.append((values["rel"], re.sub(r"^(\.\./)+", "", values.get("href", ""))))
    lang = _LANG.search(html)
    return (lang.group(1) if lang else "", tuple(loads))


def html_gzip(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _page_html(weight: PageWeight) -> int:
    """gzip bytes of the page's own HTML (the first HTML response)."""
    return next((r.gzip for r in weight.resources if r.kind == "html"), 0)


def loaded_besides_html(weight: PageWeight) -> int:
    return weight.before_images() - _page_html(weight)


def search_index_bytes(site: Path) -> int:
    """gzip bytes of every search-index file of the site (all languages)."""
    total = 0
    for root in [site, site / "ede"]:
        for name in SEARCH_INDEX_DIRS:
            folder = root / name
            if folder.is_dir():
                for f in folder.rglob("*"):
                    if f.is_file() and f.suffix != ".map":
                        data = f.read_bytes()
                        total += min(len(data), len(gzip.compress(data, 6, mtime=0)))
    return total


def measure_site(result: SiteScale, site: Path, docs_dir: Path, browser, *, plain: bool, log=print) -> SiteScale:
    from bdhvs.audit.browser import record_page_weight
    from bdhvs.audit.serve import GzipSiteServer

    paths = guide_paths(site, docs_dir)
    result.guides = len(paths)
    groups: dict[tuple, list[str]] = {}
    for path in paths:
        index = site / path / "index.html"
        result.guide_html[path] = html_gzip(index)
        groups.setdefault(signature(index.read_text(encoding="utf-8")), []).append(path)
    log(f"  {result.name}: {len(paths)} trang hướng dẫn, {len(groups)} nhóm tải cùng tệp; mở trong Chromium …")
    with GzipSiteServer(site, plain=plain) as server:
        def weigh(path: str) -> PageWeight:
            context = browser.new_context(**PHONE)
            try:
                return record_page_weight(context, server.url + path, server.origin)
            finally:
                context.close()

        for members in groups.values():
            extra = loaded_besides_html(weigh(members[0]))
            for path in members:
                result.guide_bytes[path] = result.guide_html[path] + extra
        ranked = sorted(result.guide_bytes, key=lambda p: (result.guide_bytes[p], p))
        picks = {"min": ranked[0], "median": ranked[len(ranked) // 2], "max": ranked[-1]}
        for key, path in picks.items():
            weight = weigh(path)
            result.measured[key], result.extreme_paths[key] = weight, path
            if abs(weight.before_images() - result.guide_bytes[path]) > 0.02 * result.guide_bytes[path]:
                result.warnings.append(f"{path}: ước tính {result.guide_bytes[path]:,} B, Chromium đo "
                                       f"{weight.before_images():,} B")
        result.home = weigh("")
    result.search_index = search_index_bytes(site)
    listing = site / "huong-dan" / "index.html"
    result.listing = html_gzip(listing) if listing.is_file() else None
    return result


def _kb(n: float | None) -> str:
    return "—" if n is None else f"{n / 1024:.1f} kB"


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if not a or not b else f"{a / b:.2f}×"


def rows_of(result: SiteScale) -> dict[str, float | None]:
    m = result.measured
    return {
        "guides": result.guides,
        "min": m["min"].before_images() if "min" in m else None,
        "median": m["median"].before_images() if "median" in m else None,
        "max": m["max"].before_images() if "max" in m else None,
        "html_max": max(result.guide_html.values()) if result.guide_html else None,
        "home": result.home.total() if result.home else None,
        "listing": result.listing,
        "search": result.search_index or None,
        "build": result.build_seconds,
    }


def format_table(today: SiteScale, big: SiteScale, plain: SiteScale, n: int) -> str:
    budget = settings.PAGE_BUDGET_BEFORE_IMAGES
    t, b, p = rows_of(today), rows_of(big), rows_of(plain)
    lines = [("Chỉ số", today.name, big.name, f"{n} / hôm nay", plain.name, "Dự án / Material", "Ngân sách")]
    labels = (("guides", "Số trang hướng dẫn (2 thứ tiếng)", None),
              ("min", "Trang hướng dẫn trước ảnh, nhỏ nhất (gzip)", budget),
              ("median", "Trang hướng dẫn trước ảnh, trung vị (gzip)", budget),
              ("max", "Trang hướng dẫn trước ảnh, lớn nhất (gzip)", budget),
              ("html_max", "…trong đó HTML của trang, lớn nhất (gzip)", None),
              ("home", "Trang chủ, lần đầu vào, mọi tệp (gzip)", HOME_BUDGET),
              ("listing", "Trang danh sách hướng dẫn theo chủ đề, HTML (gzip)", None),
              ("search", "Chỉ mục tìm kiếm trên đĩa, mọi tệp (gzip)", None),
              ("build", "Thời gian dựng (mkdocs build, bộ nhớ đệm trống)", None))
    for key, label, limit in labels:
        if key == "guides":
            fmt = lambda v: "—" if v is None else str(int(v))  # noqa: E731
        elif key == "build":
            fmt = lambda v: "—" if v is None else f"{v:.1f} s"  # noqa: E731
        else:
            fmt = _kb
        lines.append((label, fmt(t[key]), fmt(b[key]), _ratio(b[key], t[key]), fmt(p[key]), _ratio(b[key], p[key]),
                      f"≤ {_kb(limit)}" if limit else ""))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = ["| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(line)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    over = [label for key, label, limit in labels if limit and b[key] and b[key] > limit]
    notes = [f"Đo ngày {dt.date.today():%d/%m/%Y}: `bdhvs bench --scale --guides {n}`. Chromium (điện thoại 360×740), "
             "lần đầu vào trang, gzip -6 như cấu hình nginx của dự án; “trước ảnh” = HTML, CSS, JS, phông chữ. "
             f"Mỗi trang hướng dẫn của cả hai thứ tiếng được tính; trang lớn nhất khi có {n} hướng dẫn: "
             f"/{big.extreme_paths.get('max', '?')}."]
    if over:
        notes.append(f"VƯỢT NGÂN SÁCH khi có {n} hướng dẫn: " + "; ".join(over) + ".")
    for result in (today, big, plain):
        notes += [f"Cảnh báo ({result.name}): {w}" for w in result.warnings]
    return "\n".join(out) + "\n\n" + "\n".join(x for x in notes if x)


def run(guides: int = 1000, *, work: Path | None = None, today_site: Path | None = None,
        today_seconds: float | None = None, log=print) -> str:
    """Build what is missing, measure the three sites, return the printed table."""
    from playwright.sync_api import sync_playwright

    from bdhvs.bench import corpus, sites
    from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS

    own_work = work is None
    work = Path(work or tempfile.mkdtemp(prefix="bdhvs-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if today_site is None:
            log("• Dựng trang hôm nay (bộ nhớ đệm trống) …")
            shutil.rmtree(work / "cache-today", ignore_errors=True)
            built = sites.build_ours(work, cache_dir=work / "cache-today")
            today_site, today_seconds = built.site, built.seconds
        log(f"• Tạo {guides} hướng dẫn giống thật (từ các bài thật) …")
        docs = corpus.generated_docs(work, guides, settings.DOCS_DIR)
        log(f"• Dựng trang của dự án với {guides} hướng dẫn …")
        shutil.rmtree(work / "cache-gen", ignore_errors=True)
        big_built = sites.build_ours(work, docs, name="ours-gen", cache_dir=work / "cache-gen")
        log(f"• Dựng Material mặc định với {guides} hướng dẫn …")
        plain_built = sites.build_plain(work, docs, name="plain-gen")
        today = SiteScale("Dự án, hôm nay", build_seconds=today_seconds)
        big = SiteScale(f"Dự án, +{guides}", build_seconds=big_built.seconds)
        plain = SiteScale(f"Material, +{guides}", build_seconds=plain_built.seconds)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                measure_site(today, today_site, settings.DOCS_DIR, browser, plain=False, log=log)
                measure_site(big, big_built.site, docs, browser, plain=False, log=log)
                measure_site(plain, plain_built.site, docs, browser, plain=True, log=log)
            finally:
                browser.close()
        return format_table(today, big, plain, guides)
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
