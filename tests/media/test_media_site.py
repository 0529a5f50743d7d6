"""The fixture site, built with the real configuration: what the build publishes."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from bdhvs import settings
from mediasite import FAKE_ID, SLUG, build, built_media_site, make_project

PAGE = f"huong-dan/{SLUG}/index.html"
EDE_PAGE = f"ede/huong-dan/{SLUG}/index.html"


@pytest.fixture(scope="module")
def msite(tmp_path_factory):
    return built_media_site(tmp_path_factory)["site"]


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_sources_are_not_published_and_rendered_images_are(msite):
    media = msite / "huong-dan" / SLUG
    names = {p.name for p in media.iterdir()}
    assert {"mo-dau.webp", "buoc-1.webp", "dang-nhap.svg", "video-poster.webp", "cuoi.webp"} <= names
    assert not {n for n in names if n.endswith((".png", ".yml", ".txt"))}
    assert {"buoc-1.vi.opus", "lop-hoc.mp4", "lop-hoc.vi.vtt"} <= names
    assert not (msite / "ede" / "huong-dan" / SLUG / "buoc-1.webp").exists()  # one copy for both languages


@pytest.mark.parametrize("page", [PAGE, EDE_PAGE])
def test_images_have_alt_size_and_resolve_in_both_languages(msite, page):
    article = soup(msite, page).select_one("article")
    images = article.select("img")
    assert len(images) == 5  # opening image, screenshot, sketch, video poster, last image
    for img in images:
        assert img.get("alt") is not None and img.get("width") and img.get("height")
        target = (msite / page).parent / img["src"]
        assert target.resolve().is_file(), img["src"]
    # Only the opening image (first screen) is eager; every image below it is lazy.
    assert images[0]["src"].endswith("mo-dau.webp") and images[0]["loading"] == "eager"
    assert all(img["loading"] == "lazy" for img in images[1:])


def test_sketch_is_captioned_as_illustration(msite):
    figure = soup(msite, PAGE).select_one("figure.bdhvs-shot--sketch")
    assert "Hình minh hoạ" in figure.figcaption.get_text()
    assert figure.a["href"] == figure.img["src"] == "dang-nhap.svg"


def test_video_facade_markup(msite):
    page = soup(msite, PAGE)
    assert not page.select("iframe")
    link = page.select_one("a.bdhvs-video__facade")
    assert link["href"] == f"https://www.youtube-nocookie.com/embed/{FAKE_ID}?autoplay=1"
    assert "Video thử nghiệm" in link["aria-label"] and "2 phút 5 giây" in link["aria-label"]
    assert link.img["src"] == "video-poster.webp"
    html = (msite / PAGE).read_text(encoding="utf-8")
    assert "i.ytimg.com" not in html and "youtube.com/embed" not in html.replace("youtube-nocookie.com/embed", "")
    assert page.select_one(".bdhvs-video__print a")["href"] == f"https://www.youtube.com/watch?v={FAKE_ID}"


def test_local_video_is_not_preloaded_and_has_vietnamese_captions(msite):
    video = soup(msite, PAGE).select_one("figure.bdhvs-video--local video")
    assert video["preload"] == "none" and video.get("controls") is not None
    track = video.select_one("track")
    assert (track["kind"], track["srclang"], track["src"]) == ("captions", "vi", "lop-hoc.vi.vtt")
    assert track.get("default") is not None


def test_audio_markup(msite):
    page = soup(msite, PAGE)
    clips = page.select("[data-bdhvs-audio]")
    assert len(clips) == 2
    step_clip = page.select("ol > li")[0].select_one("[data-bdhvs-audio]")
    audio = step_clip.audio
    assert audio["preload"] == "none" and audio.get("controls") is not None
    assert audio["aria-label"] == "Nghe bước 1 (tiếng Việt)"
    assert step_clip["lang"] == "vi"
    assert step_clip.source["type"].startswith("audio/ogg")
    assert "Lời đọc thử nghiệm của buoc-1.vi." in step_clip.details.get_text()
    size = (msite / "huong-dan" / SLUG / "buoc-1.vi.opus").stat().st_size
    assert size <= settings.AUDIO_BUDGET


def test_no_media_warning_in_the_build(msite, tmp_path_factory):
    output = built_media_site(tmp_path_factory)["output"]
    assert "WARNING" not in output


def test_media_css_and_js_come_in_the_one_bundle_every_page_shares(msite):
    """Issue 24: a page with pictures costs no extra request for their styles and script; the
    one stylesheet and one script (theme/bundle.py) are the same file on every page (cached once)."""
    with_media = (msite / PAGE).read_text(encoding="utf-8")
    without = (msite / "index.html").read_text(encoding="utf-8")
    bundles = re.compile(r"assets/(?:stylesheets|javascripts)/(bdhvs\.[0-9a-f]{8}\.min\.(?:css|js))")
    assert len(set(bundles.findall(with_media))) == 2
    assert set(bundles.findall(with_media)) == set(bundles.findall(without))
    for name in bundles.findall(with_media):
        folder, mark = ("stylesheets", ".bdhvs-shot") if name.endswith(".css") else ("javascripts", "bdhvs-zoomed")
        assert mark in (msite / "assets" / folder / name).read_text(encoding="utf-8")  # tap-to-zoom
    assert "media.css" not in with_media and "media.js" not in with_media


def test_a_screenshot_that_cannot_be_read_is_reported_not_published(tmp_path):
    """A broken screenshot: the editor gets the Vietnamese finding with the file name and no
    traceback; nothing is published for it, and the guide's other images still are."""
    project = make_project(tmp_path / "project")
    (project / "docs" / "huong-dan" / SLUG / "cuoi.png").write_bytes(b"day khong phai la anh")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0  # strict: the finding is a warning
    assert "Traceback" not in result.output
    assert "cuoi.png" in result.output and "Không đọc được ảnh: tệp không phải là ảnh" in result.output
    assert "BytesIO" not in result.output
    published = tmp_path / "site" / "huong-dan" / SLUG
    assert not (published / "cuoi.webp").exists()
    # (the strict build stops on the finding; nothing of the broken file is published)
