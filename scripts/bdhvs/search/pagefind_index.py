"""Build the Pagefind index of a built site (Python API; binary from ``pagefind[bin]``)."""
from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
from dataclasses import dataclass
from pathlib import Path

from bdhvs.search import pages as pages_mod

OUTPUT_DIR = "pagefind"
# Pagefind also writes its ready-made UIs; our own UI (assets/javascripts/search-ui.js)
# uses only the core API, so these are removed to keep the site (and the USB bundle) small.
UNUSED_FILES = [
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
]


@dataclass
class IndexReport:
    indexed: dict[str, int]  # html lang -> pages indexed
    fallbacks: int  # Ede fallback pages NOT indexed (shown through their vi twin)
    output: Path


class SearchIndexError(RuntimeError):
    """Indexing failed; the message is for people (Vietnamese)."""


def build_index(site_dir: Path) -> IndexReport:
    site_dir = Path(site_dir)
    scanned = pages_mod.scan_site(site_dir)
    output = site_dir / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    try:
        _run_in_own_loop(lambda: _run(site_dir, scanned, output))
    except SearchIndexError:
        raise
    except Exception as exc:  # the Pagefind service is a subprocess: explain, don't trace
        raise SearchIndexError(
            f"Không tạo được chỉ mục tìm kiếm (Pagefind) trong {output}: {exc}. "
            "Kiểm tra gói pagefind[bin] đã được cài (make setup) rồi dựng lại trang."
        ) from exc
    for name in UNUSED_FILES:
        (output / name).unlink(missing_ok=True)
    counts: dict[str, int] = {}
    for page in scanned.values():
        if page.indexed:
            counts[page.lang] = counts.get(page.lang, 0) + 1
    return IndexReport(counts, sum(1 for p in scanned.values() if p.fallback), output)


def _run_in_own_loop(make_coroutine) -> None:
    """asyncio.run(), also when the caller already runs an event loop in this thread
    (Playwright's sync API does, e.g. in the bundle or the tests): then in a new thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(make_coroutine())
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(make_coroutine())).result()


async def _run(site_dir: Path, scanned: dict[str, pages_mod.Page], output: Path) -> None:
    """Pagefind as its own documentation sets it up for a site like this one: its defaults,
    with the article as the root (`--root-selector article`), on the built HTML files as they
    are — a fair peer for the benchmark, not tuned by us either way."""
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector="article", output_path=str(output))
    async with PagefindIndex(config=config) as index:
        for rel, page in scanned.items():
            if not page.indexed:
                continue
            html = (site_dir / rel).read_text(encoding="utf-8")
            await index.add_html_file(content=html, url=page.url)
        await index.write_files(output_path=str(output))
