"""Search benchmark: bytes a phone downloads for search, three engines on the same content.

For today's site and for a generated site of N guides (default 1,000):

- ``bdhvs`` — the site as built (our static index, search-ui.js): open a guide page, press
  ``/``, type the query, wait for the results;
- ``Pagefind 1.5.2`` — Pagefind run on the same built pages (only the article indexed,
  one index per language), measured with its core API only (no UI): one search + the
  8 result fragments — the least any Pagefind UI would download;
- ``Material (lunr)`` — the same site built with Material's ``search`` plugin and
  Material's bundle.js put back (the site does not load it otherwise).

A real Chromium opens a guide page and waits until it is idle (page bytes), then runs
the query (first-query bytes).

Bytes are what a web server with gzip sends: each file fetched is gzip -6 compressed
(already-compressed files — Pagefind's index chunks and WebAssembly — count as they are
if gzip does not make them smaller). Nothing is timed; the table prints sizes only.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from bdhvs import settings
from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS  # one place for path and flags

QUERY = "dang ky vneid"
MARKED_QUERY = "đăng ký vneid"  # the same words with their marks: Pagefind folds tone marks but not đ
TARGET_FIRST_QUERY = 100 * 1024  # issue 6: first query < 100 kB compressed at 1,000 guides
_PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind", ".woff2", ".webp",
                  ".png", ".jpg", ".jpeg")


@dataclass
class Row:
    site: str
    engine: str
    pages: int
    page_bytes: int  # a guide page until idle (everything it fetches, images included)
    search_bytes: int  # everything fetched for search until the first results show
    search_on_load: int  # part of search_bytes already fetched on page load (before searching)
    results: int  # results the engine reports for the query
    top: str = ""  # the first result's path ("huong-dan/x/")
    marked: tuple[int, str] | None = None  # (results, first result) for MARKED_QUERY (Pagefind)

    @property
    def meets_target(self) -> bool:
        return self.search_bytes < TARGET_FIRST_QUERY


# ------------------------------------------------------------------ configs and sites
def _config_text(root: Path, docs_dir: Path, overrides: Path, *, material_search: bool) -> str:
    """mkdocs.yml with absolute paths (written outside the repo), not strict, and
    optionally Material's search plugin (i18n's default reconfigure_search: true)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {docs_dir}", text)
    text = re.sub(r"(?m)^(\s*)custom_dir:.*$", rf"\1custom_dir: {overrides}", text)
    text = re.sub(r"(?m)^strict:.*$", "strict: false", text)
    if material_search:
        text = re.sub(r"(?m)^(\s*)- i18n:", r"\1- search\n\1- i18n:", text, count=1)
        text = text.replace("reconfigure_search: false", "reconfigure_search: true")
    return text


def build(root: Path, docs_dir: Path, site_dir: Path, work: Path, *, material_search: bool) -> None:
    config = work / ("mkdocs-lunr.yml" if material_search else "mkdocs-pagefind.yml")
    overrides = root / "overrides"
    if material_search:
        overrides = _material_overrides(root, work)
    config.write_text(_config_text(root, docs_dir, overrides, material_search=material_search), encoding="utf-8")
    env = dict(os.environ, SITE_DIR=str(site_dir), NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config)],
                          cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-12:])
        raise RuntimeError(f"Dựng trang để đo không thành công ({config.name}):\n{tail}")


def _material_overrides(root: Path, work: Path) -> Path:
    """Our overrides with Material's own scripts put back: the site does not load
    Material's bundle.js (page budget), but Material's search needs it."""
    target = work / "overrides-lunr"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(root / "overrides", target)
    (target / "partials" / "javascripts" / "base.html").unlink(missing_ok=True)
    main = target / "main.html"
    text = re.sub(r"(?s)\{% block scripts %\}.*?\{% endblock %\}", "{% block scripts %}{{ super() }}{% endblock %}",
                  main.read_text(encoding="utf-8"))
    main.write_text(text, encoding="utf-8")
    return target


def _sections(markdown: str) -> tuple[str, str, list[str]]:
    """(front matter, intro, ## sections) of a guide."""
    _, front, body = markdown.split("---\n", 2)
    parts = re.split(r"(?m)^(?=## )", body)
    return front, parts[0], parts[1:]


def generate_guides(docs_dir: Path, count: int) -> int:
    """Add ``count`` guides made from the real ones (bdhvs.bench.corpus: realistic titles,
    descriptions, topics and bodies) to ``docs_dir`` (a copy of docs/)."""
    from bdhvs.bench.corpus import generate

    return len(generate(docs_dir, count))


# ------------------------------------------------------------------ measuring
def compressed_size(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix in _PRECOMPRESSED or path.name.endswith(".pagefind"):
        return min(len(data), len(gzip.compress(data, 6)))
    return len(gzip.compress(data, 6))


def _file_for(url: str, origin: str, site: Path) -> Path | None:
    if not url.startswith(origin):
        return None
    path = unquote(urlparse(url).path).lstrip("/")
    target = site / path
    if target.is_dir() or path == "" or path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def _sum(urls: list[str], origin: str, site: Path) -> int:
    total, seen = 0, set()
    for url in urls:
        f = _file_for(url.split("#")[0].split("?")[0], origin, site)
        if f is not None and f not in seen:
            seen.add(f)
            total += compressed_size(f)
    return total


def _is_material_search(url: str) -> bool:
    # bundle.js counts as search: our site does not load it otherwise.
    return ("/search/search_index" in url or "/workers/search" in url or "/lunr/" in url
            or "/assets/javascripts/bundle." in url)


@contextlib.contextmanager
def _serve(site: Path):
    """A plain local server (no CSP: Material's search variant has inline scripts)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".js": "text/javascript", ".wasm": "application/wasm", ".woff2": "font/woff2"}

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


MATERIAL_ANSWERED = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return !!meta && (/\\d/.test(meta.textContent) || meta.textContent.includes("Không tìm thấy"));
}"""


def measure(site: Path, guide: str, *, material_search: bool, browser) -> tuple[int, int, int, int]:
    with _serve(site) as origin:
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                      is_mobile=True, has_touch=True)
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(f"{origin}/{guide}", wait_until="networkidle")
        page.wait_for_timeout(500)
        on_load = list(urls)
        if material_search:
            page.keyboard.press("/")  # Material's shortcut (our search is not loaded here)
            page.locator("input.md-search__input").press_sequentially(QUERY, delay=80)  # key by key
            # Material answers once its worker has built the lunr index (at 1,000 guides that takes
            # a while): until then the meta line says "Initializing search" and lists nothing.
            page.wait_for_function(MATERIAL_ANSWERED, timeout=300000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(800)
            meta = page.locator(".md-search-result__meta").inner_text()
            total = re.search(r"\d+", meta)  # "32 matching documents" (Material's own count)
            results = int(total.group()) if total else page.locator(".md-search-result__item").count()
            top = page.eval_on_selector(".md-search-result__item a", "a => a.href") if results else ""
            search_urls = [u for u in urls if _is_material_search(u)]
            early = [u for u in on_load if _is_material_search(u)]
            page_urls = [u for u in on_load if not _is_material_search(u)]
        else:
            page.keyboard.press("/")
            page.locator("#bdhvs-search-input").press_sequentially(QUERY, delay=80)  # key by key
            page.wait_for_function(
                "q => document.getElementById('bdhvs-search-results').dataset.query === q", arg=QUERY,
                timeout=30000)
            page.wait_for_load_state("networkidle")
            results = page.locator(".bdhvs-search__result").count()
            top = page.eval_on_selector(".bdhvs-search__result", "a => a.href") if results else ""
            search_urls = urls[len(on_load):]
            early = []
            page_urls = on_load
        context.close()
        return (_sum(page_urls, origin, site), _sum(search_urls, origin, site), _sum(early, origin, site),
                results, _path(top, origin))


PAGEFIND_HARNESS_HTML = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head>
<body><script type="module" src="bench-pagefind.js"></script></body></html>"""
PAGEFIND_HARNESS_JS = """const pf = await import("./pagefind/pagefind.js");
await pf.options({ baseUrl: "/" });
const found = await pf.search(decodeURIComponent(location.hash.slice(1)));
const top = found.results.slice(0, 8);
await Promise.all(top.map((r) => r.data()));
document.body.dataset.top = top.length ? (await top[0].data()).url : "";
document.body.dataset.results = String(found.results.length);
"""


def _path(url: str, origin: str) -> str:
    """A result's site path ("huong-dan/x/"), without origin, query or anchor."""
    return url.removeprefix(origin).split("#")[0].split("?")[0].lstrip("/")


def measure_pagefind(site: Path, *, browser) -> tuple[int, int, str, tuple[int, str]]:
    """Pagefind core cost on ``site`` (indexes it first): (first-query bytes, results, first result,
    (results, first result) for MARKED_QUERY in a fresh page)."""
    from bdhvs.search.pagefind_index import build_index

    build_index(site)
    (site / "bench-pagefind.html").write_text(PAGEFIND_HARNESS_HTML, encoding="utf-8")
    (site / "bench-pagefind.js").write_text(PAGEFIND_HARNESS_JS, encoding="utf-8")
    with _serve(site) as origin:
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(f"{origin}/bench-pagefind.html#{QUERY}")
        page.wait_for_function("document.body.dataset.results !== undefined", timeout=30000)
        results = int(page.evaluate("document.body.dataset.results"))
        top = page.evaluate("document.body.dataset.top")
        marked_page = context.new_page()
        marked_page.goto(f"{origin}/bench-pagefind.html#{MARKED_QUERY}")
        marked_page.wait_for_function("document.body.dataset.results !== undefined", timeout=30000)
        marked = (int(marked_page.evaluate("document.body.dataset.results")),
                  _path(marked_page.evaluate("document.body.dataset.top"), origin))
        context.close()
    search_urls = [u for u in urls if "/pagefind/" in u]
    return _sum(search_urls, origin, site), results, _path(top, origin), marked


def _count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def run_search_bench(guides: int = 1000, *, root: Path | None = None, keep: Path | None = None,
                     reuse: bool = False, log=print) -> list[Row]:
    """Build, measure and return the rows (today's site, then ``guides`` generated guides).

    ``keep``: a folder to leave the built sites in (otherwise a temporary one is removed).
    ``reuse``: with ``keep``, sites already built there are not built again (their search
    index is rewritten, so changes to the index writer are measured).
    """
    from playwright.sync_api import sync_playwright

    root = root or settings.ROOT
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="bdhvs-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    try:
        scenarios = [("hôm nay", root / "docs", 0)]
        if guides:
            docs = work / "docs-generated"
            if not (reuse and docs.exists()):
                if docs.exists():
                    shutil.rmtree(docs)
                shutil.copytree(root / "docs", docs)
                generate_guides(docs, guides)
            scenarios.append((f"+{guides} hướng dẫn", docs, guides))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for label, docs_dir, _ in scenarios:
                tag = "gen" if docs_dir != root / "docs" else "today"
                for material in (False, True):
                    engine = "Material (lunr)" if material else "bdhvs (chọn dùng)"
                    site = work / f"site-{tag}-{'lunr' if material else 'bdhvs'}"
                    if reuse and (site / "index.html").is_file():
                        log(f"• Dùng lại trang đã dựng: {site}")
                        if not material:
                            from bdhvs.search.writer import build_search_index

                            build_search_index(site)
                    else:
                        log(f"• Dựng {label} — {engine} …")
                        build(root, docs_dir, site, work, material_search=material)
                    guide = _a_guide(site)
                    page_bytes, search_bytes, early, results, top = measure(site, guide, material_search=material,
                                                                            browser=browser)
                    rows.append(Row(label, engine, _count_pages(site), page_bytes, search_bytes, early, results, top))
                    if not material:
                        log(f"• Đo Pagefind trên cùng trang ({label}) …")
                        pf_bytes, pf_results, pf_top, pf_marked = measure_pagefind(site, browser=browser)
                        rows.append(Row(label, "Pagefind 1.5.2 (lõi)", rows[-1].pages, page_bytes, pf_bytes, 0,
                                        pf_results, pf_top, pf_marked))
            browser.close()
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return rows


def _a_guide(site: Path) -> str:
    for candidate in ["huong-dan/cai-dat-vneid/", "huong-dan/quen-mat-khau-vneid/"]:
        if (site / candidate / "index.html").is_file():
            return candidate
    guide = next((site / "huong-dan").glob("*/index.html"))
    return guide.parent.relative_to(site).as_posix() + "/"


def format_table(rows: list[Row]) -> str:
    """A Markdown table (pasted as printed into README.md), then how it was measured."""
    import datetime as dt

    def kb(n: int) -> str:
        return f"{n / 1024:.1f}"

    header = ("Trang web", "Bộ tìm kiếm", "Số trang", "Trang (kB)", "Lần tìm đầu (kB)",
              "…trong đó tải sẵn khi mở trang (kB)", "Kết quả", "Kết quả đầu", "< 100 kB")
    lines = [header]
    for r in rows:
        top = r.top.removeprefix("huong-dan/").rstrip("/") or ("—" if not r.results else "/")
        lines.append((r.site, r.engine, str(r.pages), kb(r.page_bytes), kb(r.search_bytes), kb(r.search_on_load),
                      str(r.results), top, "đạt" if r.meets_target else "không"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    marked = [f"{r.site}, {r.engine}, gõ có dấu “{MARKED_QUERY}”: {r.marked[0]} kết quả, kết quả đầu "
              f"{r.marked[1].removeprefix('huong-dan/').rstrip('/') or '—'}." for r in rows if r.marked]
    return "\n".join(out) + ("\n\n" + "\n".join(marked) if marked else "") + (
        f"\n\nTruy vấn: “{QUERY}”, gõ từng phím như người dùng (Playwright, Chromium, điện thoại 360×740). "
        "Kích thước sau nén gzip (-6), như máy chủ có bật nén gửi đi. Pagefind: mặc định của Pagefind và "
        "`--root-selector article`, đo bằng API lõi (không có giao diện); Material: plugin `search` mặc định. "
        "“Kết quả”: số trang mà bộ tìm kiếm báo tìm được (của dự án: số kết quả hiện ra). "
        f"Đo ngày {dt.date.today():%d/%m/%Y} bằng `bdhvs search-bench`."
    )
