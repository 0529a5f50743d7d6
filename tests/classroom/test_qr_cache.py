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


def _wait_for_worker(seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not all(task.done() for task, _ in qr._pending.values()) and time.monotonic() < deadline:
        time.sleep(0.05)


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

        _wait_for_worker()
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


def test_codes_started_with_the_navigation_are_the_ones_guide_pages_ask_for(tmp_path, monkeypatch):
    """The build starts drawing when the navigation is known (front matter read from the
    files); each guide page then asks with the meta MkDocs parsed: same codes, none drawn twice."""
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files
    from mkdocs.utils.meta import get_data

    from bdhvs.classroom import handout_page
    from bdhvs.classroom.feature import Classroom

    docs = tmp_path / "docs"
    pages = {"huong-dan/a.md": "Cài đặt “VNeID”", "huong-dan/b.md": "Quên mật khẩu & đăng nhập"}
    for index, (path, title) in enumerate(pages.items()):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"---\ntitle: '{title}'\npage_type: guide\n---\n\n# {title}\n", encoding="utf-8")
    (docs / "index.md").write_text("---\ntitle: Trang chủ\n---\n\n# Trang chủ\n", encoding="utf-8")
    files = Files([File(p, str(docs), str(tmp_path / "site"), True) for p in ["index.md", *pages]])
    config = SimpleNamespace(site_url="https://example.org/bdhvs/")
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(qr, "PREFETCH_MIN", 1)
    monkeypatch.setattr(qr.os, "cpu_count", lambda: 2)
    try:
        Classroom(plugin=None).on_nav(None, config, files)
        assert len(qr._pending) == len(pages)  # the guides only
        _wait_for_worker()

        def fail(*args):
            raise AssertionError("a guide page asked for a code that was not started")

        monkeypatch.setattr(qr, "_render", fail)
        for path in pages:
            file = files.get_file_from_path(path)
            _, meta = get_data((docs / path).read_text(encoding="utf-8"))  # as MkDocs reads it
            context = handout_page.handout_context(meta, site_url=config.site_url, page_url=file.url)
            assert context["qr_svg"].startswith("<svg") and context["url"].endswith(file.url)
    finally:
        qr.shutdown()
