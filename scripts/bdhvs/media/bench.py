"""Benchmark (prints tables, asserts nothing): `bdhvs images --bench`.

1. Images: bytes of each source screenshot before, and of the published file after
   (metadata stripped, resized, WebP/PNG under the budget), for the guides' images and
   for a synthetic set of phone screenshots (1080x2340 PNG with EXIF/ICC, a photo area,
   annotations) so the numbers mean something while the guides have few real ones.
2. A guide page with a video: what the browser downloads on first load with the
   click-to-load facade, and with mkdocs-video's eager iframe (its own code applied to
   the same page). Measured in Chromium against a local server; every request to another
   host is recorded and aborted (nothing leaves the machine), so the YouTube player's own
   weight after its first request cannot be measured here: the table counts those requests.
"""
from __future__ import annotations

import gzip
import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

from bdhvs import settings
from bdhvs.media import cache as cache_mod, catalog, draw

from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS  # one place for path and flags


def synthetic_screenshot(seed: int) -> Image.Image:
    """A plausible phone screenshot: status bar, app bar, text rows, a photo banner."""
    rng = random.Random(seed)
    image = Image.new("RGB", (1080, 2340), (248, 249, 250))
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, 1080, 90), fill=(30, 30, 30))
    canvas.rectangle((0, 90, 1080, 260), fill=(178, 34, 34))
    canvas.text((60, 175), "Ứng dụng", font=draw.font(64, bold=True), fill="white", anchor="lm")
    photo = Image.frombytes("RGB", (960, 420), rng.randbytes(960 * 420 * 3)).resize((240, 105)).resize((960, 420))
    image.paste(photo, (60, 300))
    y = 780
    for row in range(14):
        canvas.rounded_rectangle((60, y, 1020, y + 100), radius=20, fill=(255, 255, 255), outline=(218, 220, 224), width=3)
        canvas.text((100, y + 50), f"Dòng nội dung số {row + 1} của màn hình", font=draw.font(40), fill=(32, 33, 36), anchor="lm")
        y += 110
    return image


def _synthetic_set(folder: Path) -> None:
    folder.mkdir(parents=True)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    for i in range(1, 6):
        synthetic_screenshot(i).save(folder / f"buoc-{i}.png", exif=exif, icc_profile=icc)
        (folder / f"buoc-{i}.yml").write_text(
            f"callouts:\n  - {{number: {i}, at: [900, {800 + 110 * i}]}}\nboxes:\n  - [60, {780 + 110 * i}, 960, 100]\n"
            "redact:\n  - [100, 1000, 600, 60]\n", encoding="utf-8")


def image_table(media_dir: Path, label: str, cache: cache_mod.Cache) -> list[tuple]:
    images, _ = catalog.render_all(media_dir, cache)
    rows = []
    for key, r in sorted(images.items()):
        before = r.source_bytes if r.source.image else None
        rows.append((label, key.split("/", 1)[1], "hình minh hoạ" if r.sketch else "ảnh chụp",
                     before, r.entry.bytes, f"{r.entry.width}×{r.entry.height}",
                     r.entry.format + ("" if r.entry.lossless else f" q{r.entry.quality}")))
    return rows


def print_images(rows) -> None:
    print("\n## Ảnh / images (ngân sách mỗi ảnh %s byte)\n" % f"{settings.IMAGE_BUDGET:,}")
    print("| bộ | ảnh | loại | trước (byte) | sau (byte) | giảm | kích thước | định dạng |")
    print("|---|---|---|---:|---:|---:|---|---|")
    total_before = total_after = 0
    for label, name, kind, before, after, size, fmt in rows:
        if before:
            print(f"| {label} | {name} | {kind} | {before:,} | {after:,} | {100 * (1 - after / before):.0f} % | {size} | {fmt} |")
        else:
            print(f"| {label} | {name} | {kind} | — | {after:,} | — | {size} | {fmt} |")
        if before:
            total_before += before
            total_after += after
    if total_before:
        print(f"| **tổng ảnh chụp** | | | {total_before:,} | {total_after:,} | "
              f"{100 * (1 - total_after / total_before):.0f} % | | |")


def _load(page_url: str, origin: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
        third, local = [], {}

        def handle(route):
            if route.request.url.startswith(origin):
                route.continue_()
            else:
                third.append(route.request.url)
                route.abort()

        context.route("**/*", handle)
        page = context.new_page()

        def on_response(response):
            if response.url.startswith(origin):
                try:
                    local[response.url] = response.body()
                except Exception:  # noqa: BLE001 - redirects have no body
                    pass

        page.on("response", on_response)
        page.goto(page_url, wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    raw = sum(len(b) for b in local.values())
    gz = sum(len(gzip.compress(b, 9)) if not u.endswith((".webp", ".png", ".woff2", ".opus")) else len(b)
             for u, b in local.items())
    return len(local), raw, gz, third


def page_weight(site: Path, guide: str, video_id: str) -> list[tuple]:
    """First-load weight of the fixture guide: facade vs mkdocs-video's iframe."""
    import lxml.html
    from bs4 import BeautifulSoup
    from mkdocs_video.plugin import Plugin

    sys.path.insert(0, str(settings.ROOT / "tests"))
    from conftest import StaticServer  # the tests' local server (127.0.0.1 only)

    page_dir = site / "huong-dan" / guide
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    plugin = Plugin()
    plugin.load_config({})
    element = lxml.html.fromstring(f'<img alt="type:video" src="https://www.youtube.com/embed/{video_id}">')
    iframe = lxml.html.tostring(plugin.create_repl_tag(element), encoding="unicode")
    soup.select_one('figure[data-bdhvs-video="youtube"]').replace_with(BeautifulSoup(iframe, "html.parser"))
    (page_dir / "mkdocs-video.html").write_text(str(soup), encoding="utf-8")
    server = StaticServer(site)
    try:
        rows = []
        for label, path in (("facade (bdhvs)", ""), ("mkdocs-video iframe", "mkdocs-video.html")):
            n, raw, gz, third = _load(f"{server.url}huong-dan/{guide}/{path}", server.origin)
            rows.append((label, n, raw, gz, third))
    finally:
        server.close()
    return rows


def print_pages(rows) -> None:
    print("\n## Trang hướng dẫn có video, lần tải đầu trên điện thoại / guide page with a video, first load\n")
    print("| cách nhúng | yêu cầu tới trang | byte (chưa nén) | byte (gzip) | yêu cầu bên thứ ba trước khi bấm |")
    print("|---|---:|---:|---:|---|")
    for label, n, raw, gz, third in rows:
        hosts = sorted({u.split("/")[2] for u in third})
        print(f"| {label} | {n} | {raw:,} | {gz:,} | {len(third)} {'(' + ', '.join(hosts) + ')' if hosts else ''} |")
    print("\nmkdocs-video: sau yêu cầu đầu tiên tới YouTube, trình phát còn tải thêm hàng trăm kB JavaScript và "
          "cookie của bên thứ ba; ở đây yêu cầu bị chặn nên không đo được phần đó.")


def run() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = cache_mod.Cache(tmp / "cache")
        rows = image_table(settings.MEDIA_DIR, "hướng dẫn thật", cache)
        _synthetic_set(tmp / "synthetic" / "man-hinh-mau")
        rows += image_table(tmp / "synthetic", "mẫu 1080×2340", cache)
        print_images(rows)
        if not Path(CHROMIUM).exists():
            print("\n(Không có Chromium: bỏ qua phần đo trang.)")
            return 0
        sys.path.insert(0, str(settings.ROOT / "tests" / "media"))
        sys.path.insert(0, str(settings.ROOT / "tests"))
        import mediasite

        project = mediasite.make_project(tmp / "project")
        result = mediasite.build(project, tmp / "site")
        if result.returncode != 0:
            print(result.output, file=sys.stderr)
            return 1
        print_pages(page_weight(result.site, mediasite.SLUG, mediasite.FAKE_ID))
    print(f"\n(thời gian đo: {time.perf_counter() - started:.1f} s)")
    return 0
