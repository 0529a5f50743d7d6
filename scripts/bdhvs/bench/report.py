"""Run the benchmark and print ONE table: our site next to plain Material for MkDocs.

Rows: bytes of a guide page by type (first visit, gzip -6 as the shipped nginx config
sends them), requests, third-party requests (blocked, so nothing leaves the machine),
Lighthouse scores (mobile) on the home page and three guides in both languages, axe
violations and Nu Html Checker errors over every page, and full build times for today's
content (ratio to plain Material); then, with N generated guides, the scale table of
bdhvs.bench.scale (guide pages, home, search index and build time at N guides).
The search benchmark's rows (bdhvs.search.bench) follow when it is importable.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bdhvs import settings
from bdhvs.bench import sites

from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS  # one place for path and flags
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PREFERRED_GUIDES = ("cai-dat-vneid", "quen-mat-khau-vneid", "nhan-biet-lua-dao")
BUILD_RATIO_LIMIT = 1.5
# Lighthouse's performance score swings with the machine's load (2 shared cores): each
# page is measured this many times and the median of each category is reported.
LIGHTHOUSE_RUNS = int(os.environ.get("BDHVS_LIGHTHOUSE_RUNS", "3"))
# Today's content builds in ~2 s, where the machine's noise is ~0.2 s: each build is timed
# this many times (ours and plain alternating) and the median is reported.
BUILD_RUNS = int(os.environ.get("BDHVS_BUILD_RUNS", "5"))


def median_scores(runs: list[dict]) -> dict:
    keys = ("performance", "accessibility", "best-practices", "seo")
    return {k: int(statistics.median(r[k] for r in runs)) for k in keys}


@dataclass
class SiteResult:
    name: str
    build_seconds: float = 0.0  # today's content; ours from empty caches (a fresh clone)
    warm_build_seconds: float | None = None  # ours again, with the caches of a previous build
    weight: object = None  # PageWeight of the measured guide page
    lighthouse: dict[str, dict] = field(default_factory=dict)
    axe: int | None = None
    axe_pages: int = 0
    html_errors: int | None = None


def page_paths(site: Path) -> list[str]:
    out = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if rel.parts[0] in {"assets", "pagefind", "search", "admin"} or (len(rel.parts) > 1 and rel.parts[1] in {"assets", "search"}):
            continue
        out.append(rel.as_posix().removesuffix("index.html"))
    return out


def pick_guides(site: Path, n: int = 3) -> list[str]:
    found = [g for g in PREFERRED_GUIDES if (site / "huong-dan" / g / "index.html").is_file()]
    others = sorted(p.parent.name for p in (site / "huong-dan").glob("*/index.html"))
    for g in others:
        if len(found) >= n:
            break
        if g not in found:
            found.append(g)
    return [f"huong-dan/{g}/" for g in found[:n]]


def measure_site(result: SiteResult, site: Path, browser, *, lighthouse: bool, audits: bool, log,
                 plain: bool = False) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from bdhvs.audit import lighthouse as lh
    from bdhvs.audit import vnu
    from bdhvs.audit.browser import record_page_weight
    from bdhvs.audit.serve import GzipSiteServer

    guides = pick_guides(site)
    with GzipSiteServer(site, plain=plain) as server:
        context = browser.new_context(**PHONE)
        result.weight = record_page_weight(context, server.url + guides[0], server.origin)
        context.close()
        if audits:
            log(f"  axe trên mọi trang của {result.name} …")
            pages = page_paths(site)
            context = browser.new_context(**PHONE)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.origin)
                          else route.abort())
            page = context.new_page()
            axe, count = Axe(), 0
            for path in pages:
                page.goto(server.url + path)
                count += sum(len(v["nodes"]) for v in axe.run(page).response["violations"])
            context.close()
            result.axe, result.axe_pages = count, len(pages)
            log(f"  Nu Html Checker trên {len(pages)} trang …")
            files = [site / p / "index.html" if not p.endswith(".html") else site / p for p in pages]
            result.html_errors = len(vnu.check(files, root=site))
        if lighthouse:
            for path in ["", *guides]:
                for lang in ("", "ede/"):
                    url = server.url + lang + path
                    log(f"  Lighthouse {result.name}: /{lang}{path}")
                    runs = [lh.run(url, chromium=CHROMIUM) for _ in range(LIGHTHOUSE_RUNS)]
                    result.lighthouse[f"/{lang}{path}"] = median_scores(runs)


def run(*, guides: int = 1000, lighthouse: bool = True, audits: bool = True, search: bool = True,
        keep: Path | None = None, log=print) -> tuple[str, list[SiteResult]]:
    from playwright.sync_api import sync_playwright

    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="bdhvs-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    ours, plain = SiteResult("Trang của dự án"), SiteResult("Material mặc định")
    try:
        log(f"• Dựng trang của dự án (như make site) và Material mặc định, mỗi bên {BUILD_RUNS} lần …")
        cold, warm, plain_runs = [], [], []
        for run_index in range(BUILD_RUNS):
            cache = work / f"cache-{run_index}"
            shutil.rmtree(cache, ignore_errors=True)
            built_ours = sites.build_ours(work, cache_dir=cache)  # a fresh clone: empty caches
            cold.append(built_ours.seconds)
            warm.append(sites.build_ours(work, cache_dir=cache).seconds)  # the next build
            built_plain = sites.build_plain(work)
            plain_runs.append(built_plain.seconds)
        ours.build_seconds = statistics.median(cold)
        ours.warm_build_seconds = statistics.median(warm)
        plain.build_seconds = statistics.median(plain_runs)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for result, site in ((ours, built_ours.site), (plain, built_plain.site)):
                log(f"• Đo {result.name} …")
                measure_site(result, site, browser, lighthouse=lighthouse, audits=audits, log=log,
                             plain=result is plain)
            browser.close()
        table = format_table(ours, plain, guides)
        if guides:
            from bdhvs.bench import scale

            log(f"• Khi có {guides} hướng dẫn (bdhvs.bench.scale) …")
            table += f"\n\n### Khi có {guides} hướng dẫn\n\n" + scale.run(
                guides, work=work / "scale", today_site=built_ours.site, today_seconds=ours.build_seconds, log=log)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    if search:
        table += "\n\n" + search_rows(guides, log)
    return table, [ours, plain]


def search_rows(guides: int, log) -> str:
    try:
        from bdhvs.search.bench import format_table as search_table
        from bdhvs.search.bench import run_search_bench
    except ImportError:
        return "(Chưa có số đo tìm kiếm: bdhvs.search.bench chưa có.)"
    log("• Đo tìm kiếm (bdhvs.search.bench) …")
    return "### Tìm kiếm\n\n" + search_table(run_search_bench(guides, log=log))


def _kb(n: int | None) -> str:
    return "—" if n is None else f"{n / 1024:.1f} kB"


def format_table(ours: SiteResult, plain: SiteResult, guides: int) -> str:
    budget = settings.PAGE_BUDGET_BEFORE_IMAGES
    rows: list[tuple[str, str, str, str]] = []

    def add(label, a, b, target=""):
        rows.append((label, a, b, target))

    w_o, w_p = ours.weight, plain.weight
    for kind, label in (("html", "HTML"), ("css", "CSS"), ("js", "JavaScript"), ("font", "Phông chữ"),
                        ("image", "Ảnh")):
        add(f"{label} (gzip)", _kb(w_o.by_kind(kind)), _kb(w_p.by_kind(kind)))
    add("Tổng trước ảnh (gzip)", _kb(w_o.before_images()), _kb(w_p.before_images()), f"≤ {_kb(budget)}")
    add("Tổng trước ảnh (brotli)", _kb(w_o.before_images("brotli")), _kb(w_p.before_images("brotli")))
    before = lambda w: sum(1 for r in w.resources if r.kind not in {"image", "media"})  # noqa: E731
    add("Số yêu cầu (tất cả / trước ảnh)", f"{w_o.requests} / {before(w_o)}", f"{w_p.requests} / {before(w_p)}",
        f"trước ảnh ≤ {settings.PAGE_REQUEST_BUDGET}")
    add("Yêu cầu tới bên thứ ba", str(len(w_o.third_party)), str(len(w_p.third_party)), "0")
    for key in ours.lighthouse:
        o, p = ours.lighthouse[key], plain.lighthouse.get(key)
        fmt = lambda s: "—" if not s else f"{s['performance']}/{s['accessibility']}/{s['best-practices']}/{s['seo']}"  # noqa: E731
        add(f"Lighthouse {key} (Hiệu năng/Tiếp cận/Thực hành/SEO)", fmt(o), fmt(p), "≥95/100/100/100")
    if ours.axe is not None:
        add(f"Lỗi axe (mọi trang: {ours.axe_pages} / {plain.axe_pages})", str(ours.axe), str(plain.axe), "0")
        add("Lỗi HTML (Nu Html Checker, mọi trang)", str(ours.html_errors), str(plain.html_errors), "0")
    add("Thời gian dựng, nội dung hôm nay, lần đầu (bộ nhớ đệm trống)", f"{ours.build_seconds:.2f} s",
        f"{plain.build_seconds:.2f} s", f"tỉ lệ {ours.build_seconds / plain.build_seconds:.2f} (≤ {BUILD_RATIO_LIMIT})")
    if ours.warm_build_seconds is not None:
        add("Thời gian dựng, nội dung hôm nay, dựng lại (có bộ nhớ đệm)", f"{ours.warm_build_seconds:.2f} s",
            f"{plain.build_seconds:.2f} s",
            f"tỉ lệ {ours.warm_build_seconds / plain.build_seconds:.2f} (≤ {BUILD_RATIO_LIMIT})")
    header = ("Chỉ số", ours.name, plain.name, "Ngân sách / mục tiêu")
    lines = [header, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    out = ["| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(line)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    guide_url = next((r.url for r in w_o.resources if r.kind == "html"), "")
    note = (f"\nĐo ngày {dt.date.today():%d/%m/%Y} trên Chromium {CHROMIUM} (màn hình điện thoại 360×740), "
            f"trang hướng dẫn: {guide_url.split('/', 3)[-1] if guide_url else '?'}; lần đầu vào trang, chưa có bộ nhớ đệm. "
            "Kích thước: gzip -6 (như cấu hình nginx của dự án); brotli 11 để so sánh. "
            f"Lighthouse 12.2.3, cấu hình điện thoại mặc định, trung vị của {LIGHTHOUSE_RUNS} lần đo mỗi trang. "
            "Material mặc định tải phông Google (bị chặn khi đo, vẫn được đếm là yêu cầu bên thứ ba). "
            f"Thời gian dựng: `mkdocs build` đầy đủ, trung vị của {BUILD_RUNS} lần (nội dung hôm nay) và 1 lần "
            "(site lớn); “lần đầu” = bản sao mới, thư mục bộ nhớ đệm `.cache/bdhvs` trống (ảnh, mã QR, "
            "mẫu trang đã biên dịch); “dựng lại” = lần dựng sau đó. Material mặc định không có bộ nhớ đệm.")
    return "\n".join(out) + "\n" + note


def write_markdown(table: str, path: Path | None = None) -> Path:
    path = path or settings.ROOT / "docs-dev" / "bench.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Số đo: trang của dự án và Material mặc định\n\n"
                    "Tạo bằng `make bench` (`bdhvs bench`). Đừng sửa tay: chạy lại lệnh.\n\n"
                    + table + "\n", encoding="utf-8")
    return path
