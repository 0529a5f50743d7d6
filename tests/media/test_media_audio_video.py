"""Audio clip checks, the video register, and the HTML pass on its own."""
from __future__ import annotations

import shutil
import wave

from bdhvs.media import audio, check, pages, video
from bdhvs.media.catalog import URI_ROOT

from mediasite import FIXTURES, VIDEOS


def clip(tmp_path, source="tone-mono.opus", name="buoc-1.vi.opus", transcript="Bước một: mở ứng dụng."):
    folder = tmp_path / URI_ROOT / "g"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / source, folder / name)
    if transcript is not None:
        (folder / name).with_suffix(".txt").write_text(transcript, encoding="utf-8")
    return folder / name


def test_small_mono_opus_with_transcript_passes(tmp_path):
    assert audio.check(clip(tmp_path)) == []


def test_stereo_clip_is_reported(tmp_path):
    findings = audio.check(clip(tmp_path, "tone-stereo.opus"))
    assert [f.code for f in findings] == ["AUD004"]
    assert "mono" in findings[0].hint


def test_clip_over_budget_and_without_transcript(tmp_path):
    path = clip(tmp_path, transcript=None)
    codes = sorted(f.code for f in audio.check(path, budget=1000))
    assert codes == ["AUD002", "AUD005"]


def test_wav_renamed_to_opus_is_not_accepted(tmp_path):
    path = clip(tmp_path)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000), w.writeframes(b"\0\0" * 800)
    assert [f.code for f in audio.check(path)] == ["AUD003"]


def test_clip_name_must_carry_a_language(tmp_path):
    findings = audio.check(clip(tmp_path, name="buoc-1.opus"))
    assert [f.code for f in findings] == ["AUD001"]
    assert "buoc-2.vi.opus" in findings[0].hint


def test_labels():
    assert audio.label("buoc-3", "vi") == "Nghe bước 3 (tiếng Việt)"
    assert audio.label("trang", "ede") == "Nghe cả trang (tiếng Êđê)"


def test_ede_clip_is_marked_with_the_ede_language_tag(tmp_path):
    path = clip(tmp_path, name="trang.ede.opus")
    html = audio.player_html("trang.ede.opus", path)
    assert 'class="bdhvs-audio" lang="rad"' in html and 'preload="none"' in html
    assert '<audio controls preload="none" lang="vi"' in html  # the label is Vietnamese


def register(tmp_path, text):
    path = tmp_path / "videos.yml"
    path.write_text(text, encoding="utf-8")
    return video.load_register(path, root=tmp_path)


def test_register_reads_entries_and_reports_bad_ones_with_lines(tmp_path):
    reg, findings = register(tmp_path, VIDEOS)
    assert findings == [] and len(reg.by_id) == 1 and len(reg.by_file) == 1
    bad = VIDEOS.replace('duration: "2:05"', 'duration: "hai phút"').replace("    poster: thu-nghiem/video-poster.png\n", "")
    _, findings = register(tmp_path, bad)
    assert {f.line for f in findings} == {2, 4}  # the entry (missing poster), its duration
    assert any("duration" in f.message for f in findings) and any("poster" in f.message for f in findings)


def test_youtube_id_forms():
    for url in ("https://www.youtube.com/embed/Fx7kTestVid", "https://youtu.be/Fx7kTestVid",
                "https://www.youtube.com/watch?v=Fx7kTestVid&t=3", "https://www.youtube-nocookie.com/embed/Fx7kTestVid"):
        assert video.youtube_id(url) == "Fx7kTestVid"
    assert video.youtube_id("https://example.org/x.mp4") is None
    assert video.youtube_id("https://www.youtube.com/embed/short") == ""


def context(tmp_path, markdown, reg=None):
    return pages.Context(page_url="huong-dan/x/", page_file="docs/vi/huong-dan/x.md", markdown=markdown,
                         media_dir=tmp_path / URI_ROOT, images={}, register=reg or video.Register(tmp_path, {}, {}))


def test_unknown_video_id_is_an_error_and_is_not_embedded(tmp_path):
    markdown = "# T\n\nChữ.\n\n![type:video](https://www.youtube.com/embed/Zz9UnknownX)\n"
    ctx = context(tmp_path, markdown)
    out = pages.process('<p>Chữ.</p><p><img alt="type:video" src="https://www.youtube.com/embed/Zz9UnknownX"></p>', ctx)
    assert "Zz9UnknownX" not in out and "iframe" not in out
    assert [(f.file, f.line, f.code) for f in ctx.findings] == [("docs/vi/huong-dan/x.md", 5, "VID002")]
    assert "data/videos.yml" in ctx.findings[0].message


def test_image_without_alt_is_reported(tmp_path):
    ctx = context(tmp_path, "a\n![](anh.png)\n")
    pages.process('<p><img alt="" src="anh.png"></p>', ctx)
    assert [(f.line, f.code) for f in ctx.findings] == [(2, "IMG009")]


def test_markdown_references_point_at_the_rendered_file(tmp_path):
    class R:  # the only thing rewrite_markdown reads
        class entry:
            format = "webp"

    images = {"huong-dan/g/buoc-1": R, "huong-dan/g/man-hinh": R}
    text = ("![A](../../huong-dan/g/buoc-1.png)\n![B](../../huong-dan/g/man-hinh.yml){ .x }\n"
            "![C](../../huong-dan/g/khac.png)\n[tải](../../huong-dan/g/buoc-1.png)\n")
    assert pages.rewrite_markdown(text, images) == (
        "![A](../../huong-dan/g/buoc-1.webp)\n![B](../../huong-dan/g/man-hinh.webp){ .x }\n"
        "![C](../../huong-dan/g/khac.png)\n[tải](../../huong-dan/g/buoc-1.webp)\n")


def test_local_video_over_budget_and_without_captions(tmp_path):
    folder = tmp_path / URI_ROOT / "g"
    folder.mkdir(parents=True)
    (folder / "lop.mp4").write_bytes(b"\0" * 5000)
    codes = sorted(f.code for f in video.check_local(folder / "lop.mp4", budget=4000))
    assert codes == ["VID003", "VID004"]


def test_check_media_reports_register_entries_without_files(tmp_path):
    reg, _ = register(tmp_path, VIDEOS)
    findings = check.check_media(tmp_path / URI_ROOT, reg, root=tmp_path)
    assert sorted(f.code for f in findings) == ["VID005", "VID006"]


def test_only_an_image_in_the_opening_lines_is_eager(tmp_path):
    html = ('<p>Mở đầu.</p><p><img alt="a" src="a.png"></p><h2>Các bước</h2><ol><li><p>Bước.</p>'
            '<p><img alt="b" src="b.png"></p></li></ol>')
    out = pages.process(html, context(tmp_path, ""))
    assert 'alt="a" decoding="async" loading="eager"' in out and 'alt="b" decoding="async" loading="lazy"' in out
    late = pages.process('<h2>Các bước</h2><p><img alt="b" src="b.png"></p>', context(tmp_path, ""))
    assert 'loading="lazy"' in late
    long_intro = pages.process("<p>" + "chữ " * 200 + '</p><p><img alt="c" src="c.png"></p>', context(tmp_path, ""))
    assert 'loading="lazy"' in long_intro


def test_other_local_images_get_their_size_too(tmp_path):
    from PIL import Image

    Image.new("RGB", (123, 45)).save(tmp_path / "logo.png")
    ctx = context(tmp_path, "![Biểu trưng](logo.png)")
    ctx.other_files = {"assets/logo.png": tmp_path / "logo.png"}
    ctx.page_url = "huong-dan/x/"
    out = pages.process('<p><img alt="Biểu trưng" src="../../assets/logo.png"></p>', ctx)
    assert 'height="45"' in out and 'width="123"' in out


def test_callout_number_must_match_the_step_that_shows_the_image(tmp_path):
    from types import SimpleNamespace

    entry = SimpleNamespace(width=720, height=900, format="webp")
    shot = SimpleNamespace(entry=entry, alt=None, caption=None, sketch=False, numbers=(3,),
                           uri="huong-dan/g/buoc-3.webp")
    markdown = "1. Một\n2. Hai\n\n    ![Nút](../../huong-dan/g/buoc-3.png)\n"
    ctx = context(tmp_path, markdown)
    ctx.images = {"huong-dan/g/buoc-3": shot}
    html = '<ol><li>Một</li><li><p>Hai</p><p><img alt="Nút" src="../g/buoc-3.webp"></p></li></ol>'
    pages.process(html, ctx)
    assert [(f.line, f.code) for f in ctx.findings] == [(4, "IMG010")]
    assert "bước 2" in ctx.findings[0].message and "3" in ctx.findings[0].message
    ok = context(tmp_path, markdown)
    ok.images = ctx.images
    pages.process('<ol start="2"><li><p><img alt="Nút" src="../g/buoc-3.webp"></p></li><li>x</li></ol>'
                  .replace('start="2"', 'start="3"'), ok)
    assert ok.findings == []
