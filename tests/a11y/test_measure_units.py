"""The measuring code itself (no browser): page weight arithmetic, plain Material's config."""
import gzip

from bdhvs.audit.weight import PageWeight, kind_of, measure
from bdhvs.bench import sites

ORIGIN = "http://127.0.0.1:8000"


def test_kinds_follow_content_type_then_extension():
    assert kind_of(ORIGIN + "/huong-dan/x/", "text/html; charset=utf-8") == "html"
    assert kind_of(ORIGIN + "/a.css", "") == "css"
    assert kind_of(ORIGIN + "/a.js", "text/javascript") == "js"
    assert kind_of(ORIGIN + "/f.woff2", "font/woff2") == "font"
    assert kind_of(ORIGIN + "/logo.svg", "image/svg+xml") == "image"
    assert kind_of(ORIGIN + "/v.mp4", "video/mp4") == "media"
    assert kind_of(ORIGIN + "/search/search_index.json", "application/json") == "other"


def test_text_counts_as_gzip_6_and_fonts_as_they_are():
    text = ("<p>Đăng ký tài khoản định danh điện tử</p>\n" * 200).encode()
    html = measure(ORIGIN + "/", text, "text/html")
    assert html.raw == len(text)
    assert html.gzip == len(gzip.compress(text, compresslevel=6, mtime=0)) < html.raw
    assert 0 < html.brotli < html.raw
    font = measure(ORIGIN + "/f.woff2", b"\x00" * 1000, "font/woff2")
    assert font.gzip == font.brotli == font.raw == 1000


def test_before_images_excludes_images_and_media_and_third_parties_are_counted():
    w = PageWeight(resources=[
        measure(ORIGIN + "/", b"a" * 100, "text/html", origin=ORIGIN),
        measure(ORIGIN + "/i.webp", b"x" * 5000, "image/webp", origin=ORIGIN),
        measure(ORIGIN + "/f.woff2", b"y" * 300, "font/woff2", origin=ORIGIN),
    ], blocked_third_party=["https://fonts.googleapis.com/css?family=Roboto"])
    assert w.before_images() == w.resources[0].gzip + 300
    assert w.total() == w.before_images() + 5000
    assert w.requests == 4
    assert w.third_party == ["https://fonts.googleapis.com/css?family=Roboto"]


def test_plain_material_uses_materials_defaults_and_our_markdown_extensions(tmp_path):
    config = sites.plain_config(tmp_path)
    assert config["theme"] == {"name": "material"}  # default font (Google Fonts), palette, features
    assert config["plugins"] == ["search"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert "admonition" in names and "toc" in names
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert "slugify" not in toc  # Material's default slugs, not our Vietnamese ones


def test_first_build_timing_starts_from_empty_caches(tmp_path):
    """`bdhvs bench` times "lần đầu" with its own empty cache folder: the images, QR codes
    and compiled templates of that build land there, none are taken from .cache/bdhvs."""
    cache = tmp_path / "cache"
    built = sites.build_ours(tmp_path, cache_dir=cache)
    assert (built.site / "index.html").exists() and built.seconds > 0
    assert {p.name for p in cache.iterdir()} >= {"images", "qr", "jinja"}
    assert any((cache / "images").glob("*.svg")) and any((cache / "qr").glob("*.svg"))  # sketches are SVG
