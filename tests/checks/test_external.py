"""The external link checker against LOCAL HTTP servers on 127.0.0.1: 200, redirect
chains, 404/410, 500, flaky servers, slow responses, connection resets, HEAD refused,
the cache and the concurrency. Nothing here touches the internet."""
from __future__ import annotations

import http.server
import socket
import struct
import threading
import time
from collections import Counter

import pytest

from bdhvs.checks import external


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: Counter = Counter()
    in_flight = 0
    max_in_flight = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def _send(self, status, location=None, body=b"ok"):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _route(self):
        cls = type(self)
        path = self.path.split("?")[0]
        cls.hits[path] += 1
        with cls.lock:
            cls.in_flight += 1
            cls.max_in_flight = max(cls.max_in_flight, cls.in_flight)
        try:
            if path == "/ok":
                return self._send(200)
            if path == "/r1":
                return self._send(301, "/r2")
            if path == "/r2":
                return self._send(308, "http://127.0.0.1:%d/ok" % self.server.server_address[1])
            if path == "/temp":
                return self._send(302, "/ok")
            if path == "/loop":
                return self._send(302, "/loop")
            if path == "/missing":
                return self._send(404)
            if path == "/gone":
                return self._send(410)
            if path == "/err":
                return self._send(500)
            if path == "/flaky":
                return self._send(503 if cls.hits[path] <= 2 else 200)
            if path == "/forbidden":
                return self._send(403)
            if path == "/slow":
                time.sleep(1.5)
                return self._send(200)
            if path == "/pause":
                time.sleep(0.3)
                return self._send(200)
            if path == "/nohead":
                return self._send(405 if self.command == "HEAD" else 200)
            if path == "/reset":
                # abort the TCP connection (RST) without any HTTP answer
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return None
            return self._send(404)
        finally:
            with cls.lock:
                cls.in_flight -= 1

    do_GET = do_HEAD = _route


@pytest.fixture
def server():
    Handler.hits = Counter()
    Handler.max_in_flight = 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def checker(**kw):
    kw = {"timeout": 0.5, "retries": 2, "backoff": 0.01, "workers": 4, **kw}
    return external.Checker(**kw)


def test_ok(server):
    r = checker().check(f"{server}/ok")
    assert (r.outcome, r.status, r.chain, r.code) == ("ok", 200, [], None)


def test_permanent_redirect_chain_is_followed_and_reported(server):
    r = checker().check(f"{server}/r1")
    assert r.outcome == "redirect" and r.code == "EXT-REDIRECT"
    assert [hop[0] for hop in r.chain] == [301, 308]
    assert r.final_url == f"{server}/ok" and r.status == 200


def test_temporary_redirect_is_fine(server):
    r = checker().check(f"{server}/temp")
    assert r.outcome == "ok" and [hop[0] for hop in r.chain] == [302]


def test_redirect_loop_stops(server):
    r = checker(max_redirects=3).check(f"{server}/loop")
    assert r.outcome == "error" and len(r.chain) == 4


@pytest.mark.parametrize("path, status", [("/missing", 404), ("/gone", 410)])
def test_dead_links_are_not_retried(server, path, status):
    r = checker().check(server + path)
    assert (r.outcome, r.status, r.code, r.attempts) == ("dead", status, "EXT-DEAD", 1)


def test_server_error_is_retried_then_reported(server):
    r = checker(retries=2).check(f"{server}/err")
    assert (r.outcome, r.code, r.attempts) == ("error", "EXT-ERROR", 3)
    assert Handler.hits["/err"] == 6  # HEAD then GET on each of the 3 attempts


def test_flaky_server_recovers_with_retries(server):
    # /flaky answers 503 twice, then 200.
    r = checker(retries=2).check(f"{server}/flaky")
    assert r.outcome == "ok" and r.attempts == 3


def test_flaky_server_without_enough_retries_is_an_error(server):
    r = checker(retries=1).check(f"{server}/flaky")
    assert r.outcome == "error" and r.attempts == 2


def test_slow_response_times_out(server):
    r = checker(timeout=0.3, retries=1).check(f"{server}/slow")
    assert (r.outcome, r.code, r.attempts) == ("timeout", "EXT-TIMEOUT", 2)


def test_connection_reset_is_a_temporary_failure(server):
    r = checker(retries=1).check(f"{server}/reset")
    assert r.outcome == "timeout" and r.attempts == 2 and "ngắt" in r.error


def test_head_refused_falls_back_to_get(server):
    r = checker().check(f"{server}/nohead")
    assert r.outcome == "ok"


def test_forbidden_is_only_a_warning(server):
    r = checker().check(f"{server}/forbidden")
    assert r.outcome == "blocked" and r.code == "EXT-BLOCKED"


def test_unknown_host_is_dead_and_not_retried(monkeypatch):
    import urllib.error
    calls = []

    def no_such_host(self, url, method):
        calls.append(url)
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(external.Checker, "_request", no_such_host)
    r = checker(retries=2).check("https://khong-co.example/")
    assert (r.outcome, r.code, len(calls)) == ("dead", "EXT-DEAD", 1)


def test_cache_skips_good_links_but_rechecks_failures(server, tmp_path):
    cache = tmp_path / "links.json"
    first = checker(cache_path=cache)
    first.check_all([f"{server}/ok", f"{server}/missing"])
    assert cache.exists()
    hits_ok, hits_missing = Handler.hits["/ok"], Handler.hits["/missing"]
    second = checker(cache_path=cache)
    results = second.check_all([f"{server}/ok", f"{server}/missing"])
    assert results[f"{server}/ok"].cached and Handler.hits["/ok"] == hits_ok
    assert not results[f"{server}/missing"].cached and Handler.hits["/missing"] > hits_missing
    expired = checker(cache_path=cache, cache_ttl=0)
    expired.check(f"{server}/ok")
    assert Handler.hits["/ok"] > hits_ok


def test_damaged_cache_is_ignored(server, tmp_path):
    cache = tmp_path / "links.json"
    cache.write_text("{not json", encoding="utf-8")
    assert checker(cache_path=cache).check(f"{server}/ok").outcome == "ok"


def test_links_are_checked_concurrently(server):
    urls = [f"{server}/pause?{i}" for i in range(8)]
    Handler.hits.clear()
    results = checker(workers=4, timeout=2).check_all(urls)
    assert all(r.outcome == "ok" for r in results.values())
    assert Handler.max_in_flight > 1


def test_report_lists_dead_links_with_their_pages(server):
    results = checker(retries=0).check_all([f"{server}/ok", f"{server}/missing", f"{server}/r1"])
    places = {f"{server}/missing": [("docs/vi/huong-dan/a.md", 12, 3)], f"{server}/r1": [("docs/vi/b.md", 4, 1)]}
    text = external.markdown_report(results, places)
    assert "**1 hỏng**" in text and "`docs/vi/huong-dan/a.md:12`" in text
    assert "chuyển tới" in text and f"| {server}/ok |" not in text


def test_links_command_end_to_end(server, tmp_path):
    import os
    import subprocess
    import sys

    page = tmp_path / "trang.md"
    page.write_text(f"# Trang\n\n[được]({server}/ok)\n\n[hỏng]({server}/missing)\n", encoding="utf-8")
    report = tmp_path / "bao-cao.md"
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "links", str(page), "--report", str(report),
                           "--no-cache", "--timeout", "2", "--retries", "0"],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONUTF8="1"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    dead = [l for l in proc.stdout.splitlines() if "EXT-DEAD" in l]
    assert len(dead) == 1 and dead[0].split("  ")[0].endswith("trang.md:5:8")
    assert "**1 hỏng**" in report.read_text(encoding="utf-8")
