"""QR codes are cached on disk: a rebuild does not pay for mask selection again."""
import time

from bdhvs.classroom import qr


def test_second_build_reuses_the_cached_svg(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path)
    first = qr.qr_svg("https://example.org/huong-dan/a/", label="Mã QR mở trang “A”")
    assert first.startswith("<svg") and 'aria-label="Mã QR mở trang “A”"' in first
    assert len(list(tmp_path.glob("*.svg"))) == 1

    def fail(*args):
        raise AssertionError("rendered again despite the cache")

    monkeypatch.setattr(qr, "_render", fail)
    assert qr.qr_svg("https://example.org/huong-dan/a/", label="Mã QR mở trang “A”") == first
    # a different address is a different code
    monkeypatch.undo()
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path)
    other = qr.qr_svg("https://example.org/huong-dan/b/", label="Mã QR mở trang “A”")
    assert other != first and len(list(tmp_path.glob("*.svg"))) == 2


URLS = [f"https://example.org/huong-dan/g{i}/" for i in range(qr.PREFETCH_MIN + 10)]  # > one chunk


def _expected(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path / "direct")
    return {url: qr.qr_svg(url, label="Mã QR") for url in URLS}


def test_prefetched_codes_are_drawn_by_a_second_process(tmp_path, monkeypatch):
    expected = _expected(tmp_path, monkeypatch)
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path / "cold")
    monkeypatch.setattr(qr.os, "cpu_count", lambda: 2)
    try:
        assert qr.prefetch((url, "Mã QR") for url in URLS + URLS[:3]) == len(URLS)  # duplicates once
        assert qr.prefetch((url, "Mã QR") for url in URLS) == 0  # already on their way

        def fail(*args):
            raise AssertionError("drawn in the build process despite the prefetch")

        deadline = time.monotonic() + 60
        while not all(task.done() for task, _ in qr._pending.values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        monkeypatch.setattr(qr, "_render", fail)  # the worker (spawned) has its own copy
        assert {url: qr.qr_svg(url, label="Mã QR") for url in URLS} == expected
        assert len(list((tmp_path / "cold").glob("*.svg"))) == len(URLS)
    finally:
        qr.shutdown()


def test_a_killed_worker_only_costs_time(tmp_path, monkeypatch):
    expected = _expected(tmp_path, monkeypatch)
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path / "cold")
    monkeypatch.setattr(qr.os, "cpu_count", lambda: 2)
    try:
        qr.prefetch((url, "Mã QR") for url in URLS)
        for process in list(qr._executor._processes.values()):
            process.kill()  # the worker dies while starting
        drawn_here = []
        render = qr._render
        monkeypatch.setattr(qr, "_render", lambda *a: drawn_here.append(a) or render(*a))
        assert {url: qr.qr_svg(url, label="Mã QR") for url in URLS} == expected
        assert len(drawn_here) == len(URLS)  # every code drawn by the build itself
    finally:
        qr.shutdown()


def test_one_core_machine_or_few_codes_draw_in_the_build_process(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(qr.os, "cpu_count", lambda: 1)
    assert qr.prefetch((url, "Mã QR") for url in URLS) == 0 and qr._executor is None
    monkeypatch.setattr(qr.os, "cpu_count", lambda: 2)
    assert qr.prefetch((url, "Mã QR") for url in URLS[: qr.PREFETCH_MIN - 1]) == 0 and qr._executor is None
    assert qr.qr_svg(URLS[0], label="Mã QR").startswith("<svg")
