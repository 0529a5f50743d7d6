"""QR codes for printed handouts, generated at build time as inline SVG (segno)."""
from __future__ import annotations

import hashlib
import html
import io
import multiprocessing
import os
import sys
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Iterable
from urllib.parse import urlsplit

import segno

from bdhvs import settings

# Choosing the best QR mask costs ~5 ms a page (11 s of a cold build at 1,000 guides ×
# 2 languages). Two things keep that off the build's path:
# - the SVG of each (url, label) is kept on disk, like Material's own plugin caches;
# - on a cold cache, `prefetch` (called once the navigation is known) draws them in a
#   second process while MkDocs reads and renders the pages, and `qr_svg` collects them.
CACHE_DIR = settings.CACHE_DIR / "qr"
SVG_VERSION = "2"  # bump when _render's markup changes (2: label escaped by html.escape)
PREFETCH_CHUNK = 64  # QR codes per task sent to the worker process
PREFETCH_MIN = 8  # fewer are drawn in-process: not worth a process

_executor: Executor | None = None
_pending: dict[str, tuple[Future, int]] = {}  # cache key -> (task, index in its result)


def _key(url: str, label: str) -> str:
    return hashlib.sha256(f"{SVG_VERSION}\n{segno.__version__}\n{url}\n{label}".encode("utf-8")).hexdigest()


def qr_svg(url: str, *, label: str) -> str:
    """An inline ``<svg>`` QR code that opens ``url``; ``label`` is its accessible name.

    Error correction "M" survives a smudged photocopy; the quiet zone is 2 modules
    because the handout prints it on white paper with a margin around it.
    """
    _check_url(url)
    key = _key(url, label)
    cached = CACHE_DIR / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = _collect(key)
    if svg is None:
        svg = _render(url, label)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{key[:8]}.tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass  # a read-only checkout still builds, just slower
    return svg


def prefetch(requests: Iterable[tuple[str, str]]) -> int:
    """Start drawing, in a second process, the QR codes of ``(url, label)`` pairs that are
    not cached yet; returns how many were sent. Nothing is sent for a few codes, on a
    one-core machine, or when the worker cannot start: ``qr_svg`` then draws them itself."""
    todo, seen = [], set()
    for url, label in requests:
        _check_url(url)
        key = _key(url, label)
        if key in seen or key in _pending or (CACHE_DIR / f"{key}.svg").exists():
            continue
        seen.add(key)
        todo.append((key, url, label))
    if len(todo) < PREFETCH_MIN or (os.cpu_count() or 1) < 2 or not _main_script_importable():
        return 0
    global _executor
    try:
        if _executor is None:
            # "spawn" everywhere: the same on Linux and Windows, and safe in `mkdocs serve`,
            # whose file watcher runs threads.
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        for start in range(0, len(todo), PREFETCH_CHUNK):
            chunk = todo[start: start + PREFETCH_CHUNK]
            task = _executor.submit(_render_many, [(url, label) for _, url, label in chunk])
            for index, (key, _, _) in enumerate(chunk):
                _pending[key] = (task, index)
    except (OSError, RuntimeError):
        return 0
    return len(todo)


def _main_script_importable() -> bool:
    """A spawned worker re-imports the main script; `python -` (stdin) has none."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    return bool(main) and os.path.exists(main)


def shutdown() -> None:
    """Stop the worker at the end of a build and reap it (`mkdocs serve` builds many times in
    one process: each build used to leave its worker behind). Codes not sent yet are
    cancelled; the chunk being drawn (at most PREFETCH_CHUNK codes, ~5 ms each) finishes.
    QR codes not collected are drawn again if needed."""
    global _executor
    _pending.clear()
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None


def _collect(key: str) -> str | None:
    """The SVG the worker drew for ``key``; None when it was not sent, is not drawn yet
    (the worker is still starting: drawing it here is faster than waiting), or the
    worker failed."""
    sent = _pending.pop(key, None)
    if sent is None:
        return None
    task, index = sent
    if not task.done():
        return None
    try:
        return task.result()[index]
    except Exception:  # a killed or broken worker: the caller draws it itself
        return None


def _render_many(requests: list[tuple[str, str]]) -> list[str]:
    return [_render(url, label) for url, label in requests]


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"QR code needs an absolute http(s) URL, got {url!r}")


def _render(url: str, label: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=False, nl=False, omitsize=True, border=2,
        svgclass="bdhvs-qr", lineclass=None, title=label,
    )
    svg = buffer.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="' + html.escape(label) + '" ', 1)


def online_url(site_url: str, page_url: str) -> str:
    """The public web address of a page, whatever the build's URL style.

    The offline bundle is built with ``use_directory_urls: false`` (``a/b.html``); the
    handout must still point at the published address (``a/b/``).
    """
    if not site_url:
        raise ValueError("site_url is empty: set it in mkdocs.yml or with SITE_URL")
    path = page_url
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return site_url.rstrip("/") + "/" + path.lstrip("/")
