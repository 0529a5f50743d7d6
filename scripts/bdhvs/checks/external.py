"""Check 3: external links, for the weekly job (`bdhvs links`, .github/workflows/links.yml).

Threaded (a small pool: government portals dislike bursts), with timeouts, retries with
back-off for temporary failures (5xx, timeouts, resets), redirect chains followed hop by
hop (so a permanent move is reported), HEAD first with a GET fallback, and a JSON cache
of good results so a weekly run does not hammer the same sites. Standard library only.
Tested against local servers on 127.0.0.1 (tests/checks/test_external.py); builds and
tests never reach the internet.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin

REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}
USER_AGENT = "bdhvs-link-checker/1.0 (+https://github.com/; Binh dan hoc vu so Krong A)"


@dataclass
class Result:
    url: str
    outcome: str  # ok | redirect | dead | error | timeout | blocked
    status: int | None = None
    final_url: str = ""
    chain: list[list] = field(default_factory=list)  # [[status, url], ...] hops before the final URL
    error: str = ""
    attempts: int = 1
    checked_at: float = 0.0
    cached: bool = False

    @property
    def code(self) -> str | None:
        return {"dead": "EXT-DEAD", "error": "EXT-ERROR", "timeout": "EXT-TIMEOUT", "redirect": "EXT-REDIRECT",
                "blocked": "EXT-BLOCKED"}.get(self.outcome)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401
        return None  # let the caller see every hop


class _Temporary(Exception):
    pass


class Checker:
    def __init__(self, *, timeout: float = 15.0, retries: int = 2, backoff: float = 1.0, max_redirects: int = 5,
                 workers: int = 4, cache_path: Path | None = None, cache_ttl: float = 7 * 86400):
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.max_redirects, self.workers = max_redirects, workers
        self.cache_path, self.cache_ttl = cache_path, cache_ttl
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._lock = threading.Lock()
        self.cache: dict[str, dict] = self._load_cache()

    # --- cache ---------------------------------------------------------------------------
    def _load_cache(self) -> dict:
        if not self.cache_path or not self.cache_path.exists():
            return {}
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}  # a damaged cache is only a slower run

    def save_cache(self) -> None:
        if not self.cache_path:
            return
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.cache, handle, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, self.cache_path)

    def _cached(self, url: str) -> Result | None:
        entry = self.cache.get(url)
        if entry and entry.get("outcome") == "ok" and time.time() - entry.get("checked_at", 0) < self.cache_ttl:
            fields = {k: v for k, v in entry.items() if k in Result.__dataclass_fields__}
            return Result(**{**fields, "cached": True})
        return None

    # --- HTTP ------------------------------------------------------------------------------
    def _request(self, url: str, method: str) -> tuple[int, str | None]:
        req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                if method == "GET":
                    resp.read(1024)
                return resp.status, resp.headers.get("Location")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Location") if exc.headers else None

    def _hop(self, url: str) -> tuple[int, str | None]:
        status, location = self._request(url, "HEAD")
        if status in (400, 403, 405, 501) or (status >= 500 and status != 503):
            status, location = self._request(url, "GET")  # some servers mishandle HEAD
        return status, location

    def _follow(self, url: str) -> Result:
        chain: list[list] = []
        current = url
        for _ in range(self.max_redirects + 1):
            status, location = self._hop(current)
            if status in REDIRECTS and location:
                chain.append([status, current])
                current = urljoin(current, location)
                continue
            if 200 <= status < 300:
                moved = any(hop[0] in PERMANENT for hop in chain)
                return Result(url, "redirect" if moved else "ok", status, current, chain)
            if status in (404, 410):
                return Result(url, "dead", status, current, chain)
            if status in (401, 403, 429):
                return Result(url, "blocked", status, current, chain)
            if status >= 500:
                raise _Temporary(f"HTTP {status}")
            return Result(url, "dead", status, current, chain, error=f"HTTP {status}")
        return Result(url, "error", None, current, chain, error=f"quá {self.max_redirects} lần chuyển hướng")

    def check(self, url: str) -> Result:
        cached = self._cached(url)
        if cached:
            return cached
        last = ""
        outcome = "error"
        attempt = 0
        for attempt in range(1, self.retries + 2):
            try:
                result = self._follow(url)
                result.attempts = attempt
                break
            except _Temporary as exc:
                last, outcome = str(exc), "error"
            except (socket.timeout, TimeoutError) as exc:
                last, outcome = f"hết thời gian chờ ({exc.__class__.__name__})", "timeout"
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, socket.gaierror):
                    result = Result(url, "dead", error=f"không tìm thấy tên miền ({reason})", attempts=attempt)
                    break
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    last, outcome = "hết thời gian chờ", "timeout"
                else:
                    last, outcome = f"lỗi kết nối ({reason})", "timeout"
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                last, outcome = f"kết nối bị ngắt ({exc.__class__.__name__})", "timeout"
            if attempt <= self.retries:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
        else:
            result = Result(url, outcome, error=last, attempts=attempt)
        result.checked_at = time.time()
        with self._lock:
            self.cache[url] = {k: v for k, v in asdict(result).items() if k != "cached"}
        return result

    def check_all(self, urls) -> dict[str, Result]:
        unique = list(dict.fromkeys(urls))
        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            results = dict(zip(unique, pool.map(self.check, unique)))
        self.save_cache()
        return results


def collect_urls(paths: list[Path]) -> dict[str, list[tuple[str, int, int]]]:
    """External http(s) URLs in the Markdown files, with where they are used."""
    from bdhvs.checks import links as links_mod
    from bdhvs.checks.runner import collect
    from bdhvs.checks.source import load

    found: dict[str, list[tuple[str, int, int]]] = {}
    files, _ = collect(paths)
    for path in files:
        if path.suffix not in (".md", ".markdown"):
            continue
        doc, _ = load(path)
        if doc is None:
            continue
        for link in links_mod.extract(doc):
            if link.url.startswith(("http://", "https://")):
                line, col = doc.pos(link.offset)
                found.setdefault(link.url, []).append((doc.name, line, col))
    return found


def markdown_report(results: dict[str, Result], places: dict[str, list[tuple[str, int, int]]]) -> str:
    """Body of the one GitHub issue that lists dead links (Vietnamese, for editors)."""
    bad = [r for r in results.values() if r.outcome in ("dead", "error")]
    unsure = [r for r in results.values() if r.outcome in ("timeout", "blocked", "redirect")]
    lines = ["# Liên kết hỏng trên trang", "",
             f"Kiểm tra {len(results)} liên kết ngoài: **{len(bad)} hỏng**, {len(unsure)} cần xem lại.", ""]
    if bad:
        lines += ["## Hỏng (cần sửa)", "", "| Liên kết | Kết quả | Ở đâu |", "|---|---|---|"]
        for r in sorted(bad, key=lambda r: r.url):
            where = "<br>".join(f"`{f}:{l}`" for f, l, _ in places.get(r.url, []))
            lines.append(f"| {r.url} | {r.status or ''} {r.error} | {where} |")
        lines.append("")
    if unsure:
        lines += ["## Cần xem lại (không chặn)", "", "| Liên kết | Kết quả | Ở đâu |", "|---|---|---|"]
        for r in sorted(unsure, key=lambda r: r.url):
            where = "<br>".join(f"`{f}:{l}`" for f, l, _ in places.get(r.url, []))
            detail = f"chuyển tới {r.final_url}" if r.outcome == "redirect" else f"{r.status or ''} {r.error}"
            lines.append(f"| {r.url} | {r.outcome}: {detail} | {where} |")
        lines.append("")
    lines.append("Tạo tự động bởi `bdhvs links` (.github/workflows/links.yml). Cách sửa: xem CONTRIBUTING.md, mục mã lỗi EXT-….")
    return "\n".join(lines) + "\n"
