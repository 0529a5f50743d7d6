"""A small site (temp dir) with every kind of guide media, built with the real config.

Video IDs here are TEST FIXTURES, not real videos: the real data/videos.yml holds only
IDs that a source confirms."""
from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from conftest import ROOT, build_site, write_fixture_config

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
FAKE_ID = "Fx7kTestVid"  # 11 characters, like a YouTube ID; not a real video
SLUG = "thu-nghiem"

FRONT = """---
title: {title}
description: Trang thử nghiệm cho ảnh, video và âm thanh của các bài hướng dẫn.
page_type: info
---
"""

GUIDE = FRONT.format(title="Hướng dẫn có ảnh và video") + """
# Hướng dẫn có ảnh và video

![type:audio](../../huong-dan/thu-nghiem/trang.vi.opus)

Đoạn mở đầu.

![Ảnh mở đầu: màn hình chính](../../huong-dan/thu-nghiem/mo-dau.png)

## Các bước

1. Mở ứng dụng.

    ![Màn hình chính, nút tìm kiếm ở trên cùng](../../huong-dan/thu-nghiem/buoc-1.png)

    ![type:audio](../../huong-dan/thu-nghiem/buoc-1.vi.opus)

2. Chạm vào ô đăng nhập.

    ![Màn hình đăng nhập](../../huong-dan/thu-nghiem/dang-nhap.png)

## Video

![type:video](https://www.youtube.com/embed/{fake_id})

## Video cho lớp học

![type:video](../../huong-dan/thu-nghiem/lop-hoc.mp4)

""" + "\n".join(f"Đoạn văn dài số {i} để đẩy hình cuối xuống dưới màn hình đầu tiên." for i in range(40)) + """

![Ảnh cuối trang](../../huong-dan/thu-nghiem/cuoi.png)
"""

VIDEOS = f"""videos:
  - youtube: {FAKE_ID}
    title: "Video thử nghiệm"
    duration: "2:05"
    channel: "Kênh thử nghiệm"
    channel_url: https://www.youtube.com/@kenh-thu-nghiem
    source: https://example.org/xac-nhan
    checked: 2026-11-25
    poster: {SLUG}/video-poster.png
    note: Test fixture, not a real video.
  - file: {SLUG}/lop-hoc.mp4
    title: "Video cho lớp học"
    duration: "0:30"
    source: https://example.org/ghi-hinh
    checked: 2026-11-25
"""

SHOT_YAML = """alt: Màn hình chính
callouts:
  - {number: 1, at: [300, 120]}
boxes:
  - [40, 80, 520, 80]
redact:
  - [40, 400, 300, 60]
"""

SKETCH_YAML = """caption: Màn hình đăng nhập
sketch:
  source: test fixture
  title: Ứng dụng thử
  items:
    - {field: "Số điện thoại"}
    - {button: "Đăng nhập", target: true, callout: 2}
"""


def screenshot(size=(600, 1200), seed=1) -> Image.Image:
    """A synthetic phone screenshot: bars of colour and dark 'text' strokes."""
    image = Image.new("RGB", size, (250, 250, 252))
    draw = ImageDraw.Draw(image)
    for i, y in enumerate(range(40, size[1] - 60, 90)):
        draw.rectangle((30, y, size[0] - 30, y + 60), fill=((seed * 37 + i * 23) % 200, 120, 200 - i * 5 % 150))
        for x in range(50, size[0] - 80, 26):
            draw.line((x, y + 20, x + 14, y + 40), fill=(20, 20, 20), width=3)
    return image


def make_project(dest: Path) -> Path:
    pages = {
        "vi/index.md": FRONT.format(title="Trang chủ thử") + "\n# Trang chủ thử\n\n- [Hướng dẫn](huong-dan/thu-nghiem.md)\n",
        "vi/huong-dan/thu-nghiem.md": GUIDE.replace("{fake_id}", FAKE_ID),
    }
    for rel, text in pages.items():
        target = dest / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (dest / "docs" / "ede").mkdir(parents=True, exist_ok=True)
    media = dest / "docs" / "huong-dan" / SLUG
    media.mkdir(parents=True)
    screenshot().save(media / "buoc-1.png")
    (media / "buoc-1.yml").write_text(SHOT_YAML, encoding="utf-8")
    # As an editor must before committing (`bdhvs images --redact`): the box painted in the source
    # itself; a source with a see-through box stops the build (PRIV-UNREDACTED).
    from bdhvs.media import redact, spec as spec_mod

    redact.redact_file(media / "buoc-1.png", spec_mod.load(media / "buoc-1.yml")[0])
    (media / "dang-nhap.yml").write_text(SKETCH_YAML, encoding="utf-8")
    screenshot(seed=5).save(media / "cuoi.png")
    screenshot((600, 400), seed=8).save(media / "mo-dau.png")
    Image.new("RGB", (1280, 720), (30, 60, 90)).save(media / "video-poster.png")
    Image.new("RGB", (1280, 720), (90, 60, 30)).save(media / "lop-hoc.png")
    (media / "lop-hoc.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64)
    (media / "lop-hoc.vi.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào bà con.\n", encoding="utf-8")
    for name in ("trang.vi", "buoc-1.vi"):
        shutil.copy(FIXTURES / "tone-mono.opus", media / f"{name}.opus")
        (media / f"{name}.txt").write_text(f"Lời đọc thử nghiệm của {name}.", encoding="utf-8")
    (dest / "data").mkdir(exist_ok=True)
    # hotlines.yml: the official numbers the real domains.yml cites in its evidence (the build's
    # privacy check accepts a number in a published data file only when it is listed there).
    for name in ("ede-ui.yml", "ede-words.yml", "hotlines.yml"):
        if (ROOT / "data" / name).exists():
            shutil.copy(ROOT / "data" / name, dest / "data" / name)
    (dest / "data" / "videos.yml").write_text(VIDEOS, encoding="utf-8")
    shutil.copytree(ROOT / "data" / "safety", dest / "data" / "safety")  # the guide kit's shared blocks
    # The real allow-list, plus the fixture's video channel and confirmation pages (test hosts).
    domains = (ROOT / "data" / "domains.yml").read_text(encoding="utf-8").replace("\ndomains:\n", (
        "\ndomains:\n"
        "  - {domain: www.youtube.com, owner: YouTube (kênh thử), source: https://www.youtube.com, "
        "evidence: dữ liệu thử của bộ kiểm thử, status: uncertain, use: source}\n"
        "  - {domain: example.org, owner: trang thử, source: https://example.org, "
        "evidence: dữ liệu thử của bộ kiểm thử, status: uncertain, use: source}\n"), 1)
    (dest / "data" / "domains.yml").write_text(domains, encoding="utf-8")
    write_fixture_config(dest)
    return dest


def build(project_dir: Path, dest: Path):
    return build_site(dest, config=project_dir / "mkdocs.yml")


_BUILT: dict = {}


def built_media_site(tmp_path_factory):
    """Build the fixture site once per session (shared by the test modules)."""
    if "site" not in _BUILT:
        base = tmp_path_factory.mktemp("mediasite")
        project = make_project(base / "project")
        result = build(project, base / "site")
        assert result.returncode == 0, result.output
        _BUILT.update(site=result.site, project=project, output=result.output)
    return _BUILT
