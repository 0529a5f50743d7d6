"""QR codes are cached on disk: a rebuild does not pay for mask selection again."""
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
