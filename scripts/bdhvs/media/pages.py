"""The HTML pass over one page: images, video facades, local video, audio clips.

- Every image gets ``width``/``height`` (no layout shift), ``decoding="async"``, and
  ``loading="lazy"``, except the first image of the page when it stands in the opening
  lines (before the first section heading, after little text): that one is on the first
  screen of a phone, and lazy loading would only delay it.
- Guide images become ``<figure>`` with a link to the full image (tap to zoom; works
  without JS, media.js opens it in a dialog), the "Hình minh hoạ" caption for sketches.
- ``type:video`` and ``type:audio`` images become the players (see ``video``/``audio``).
Pure function of its inputs: testable without MkDocs.
"""
from __future__ import annotations

import html as htmllib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

from bdhvs import settings
from bdhvs.findings import Finding
from bdhvs.media import audio, video
from bdhvs.media.catalog import IMAGE_EXTS, URI_ROOT, Rendered
from bdhvs.media.sketch import CAPTION as SKETCH_CAPTION


# Markup that needs media.css / media.js.
MARKERS = ('class="bdhvs-shot', 'data-bdhvs-video', "data-bdhvs-audio", "data-bdhvs-zoom")


@dataclass
class Context:
    page_url: str  # site-relative URL of the page, e.g. "huong-dan/cai-dat-vneid/"
    page_file: str  # for findings, e.g. "docs/vi/huong-dan/cai-dat-vneid.md"
    markdown: str  # page source, to find the line of a reference
    media_dir: Path  # docs/huong-dan
    images: dict[str, Rendered]
    register: video.Register
    video_budget: int = settings.VIDEO_BUDGET
    findings: list[Finding] = field(default_factory=list)
    # Other local images (not guide media): site path -> file, to read their size.
    other_files: dict[str, Path] = field(default_factory=dict)

    def line_of(self, needle: str) -> int:
        for number, line in enumerate(self.markdown.splitlines(), 1):
            if needle and needle in line:
                return number
        return 1

    def error(self, needle: str, code: str, message: str, hint: str) -> None:
        self.findings.append(Finding(self.page_file, self.line_of(needle), 1, code, message, hint))

    def site_path(self, src: str) -> str | None:
        """The site-relative path an ``src``/``href`` points at (None for other hosts)."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith(("/", "#", "data:")):
            return None
        base = self.page_url if self.page_url.endswith("/") or not self.page_url else posixpath.dirname(self.page_url) + "/"
        return posixpath.normpath(posixpath.join(base, parts.path)).lstrip("./") if parts.path else None

    def url_to(self, site_path: str) -> str:
        return get_relative_url(site_path, self.page_url or ".")


def _media_file(ctx: Context, site_path: str) -> Path | None:
    if not site_path or not site_path.startswith(URI_ROOT + "/"):
        return None
    return ctx.media_dir / site_path[len(URI_ROOT) + 1:]


def _replace_block(img, new_html: str, soup: BeautifulSoup) -> None:
    """Put ``new_html`` in place of the image, or of its paragraph if it stands alone."""
    fragment = BeautifulSoup(new_html, "html.parser")
    parent = img.parent
    alone = parent is not None and parent.name == "p" and not parent.get_text(strip=True) and len(
        [c for c in parent.contents if getattr(c, "name", None) or str(c).strip()]) == 1
    (parent if alone else img).replace_with(fragment)


def _rendered_for(ctx: Context, site_path: str | None) -> Rendered | None:
    if not site_path:
        return None
    stem, ext = posixpath.splitext(site_path)
    if ext.lower() not in IMAGE_EXTS + (".svg", ".yml", ".yaml"):  # .svg: a drawn sketch
        return None
    return ctx.images.get(stem)


def _poster(ctx: Context, key: str | None) -> tuple[str, int, int] | None:
    rendered = ctx.images.get(key) if key else None
    if rendered is None:
        return None
    return ctx.url_to(rendered.uri), rendered.entry.width, rendered.entry.height


def _video(ctx: Context, img, soup, eager: bool) -> bool:
    src = img.get("src", "")
    vid = video.youtube_id(src)
    if vid is not None:
        entry = ctx.register.by_id.get(vid) if vid else None
        if entry is None:
            ctx.error(src if vid == "" else vid, "VID002",
                      f"Video '{vid or src}' chưa có trong data/videos.yml: không nhúng video chưa được xác nhận",
                      "Thêm mục vào data/videos.yml với kênh chính thức, nguồn xác nhận và ngày kiểm tra.")
            img.decompose()
            return False
        poster_key = f"{URI_ROOT}/{posixpath.splitext(entry.poster)[0]}" if entry.poster else None
        poster = _poster(ctx, poster_key)
        if poster is None:
            ctx.error(vid, "VID005", f"Video '{vid}' thiếu ảnh bìa '{entry.poster}' trong docs/huong-dan/",
                      "Chụp một khung hình của video, lưu vào thư mục ảnh của bài hướng dẫn.")
        _replace_block(img, video.facade_html(entry, poster, eager=eager), soup)
        return poster is not None
    site_path = ctx.site_path(src)
    path = _media_file(ctx, site_path)
    if path is None or path.suffix.lower() not in video.VIDEO_EXTS or not path.exists():
        ctx.error(posixpath.basename(src), "VID002", f"'{src}' không phải video YouTube hay tệp video trong docs/huong-dan/",
                  "Dùng ![type:video](https://www.youtube.com/embed/MÃ) hoặc đường dẫn tới tệp .mp4/.webm.")
        img.decompose()
        return False
    key = site_path[len(URI_ROOT) + 1:]
    entry = ctx.register.by_file.get(key)
    if entry is None:
        ctx.error(posixpath.basename(src), "VID002", f"Video '{key}' chưa có trong data/videos.yml",
                  "Thêm mục 'file:' với tiêu đề, thời lượng, nguồn và ngày kiểm tra.")
        img.decompose()
        return False
    ctx.findings += [Finding(ctx.page_file, ctx.line_of(path.name), 1, f.code, f.message, f.hint)
                     for f in video.check_local(path, ctx.video_budget)]
    captions = [(ctx.url_to(f"{URI_ROOT}/{posixpath.dirname(key)}/{vtt.name}"), settings.bcp47(locale),
                 settings.LANGUAGES[locale]["name"]) for vtt, locale in video.captions_for(path)]
    poster = _poster(ctx, posixpath.splitext(site_path)[0])
    _replace_block(img, video.local_html(entry, src, captions, path.stat().st_size, poster), soup)
    return poster is not None


def _audio(ctx: Context, img, soup) -> None:
    src = img.get("src", "")
    path = _media_file(ctx, ctx.site_path(src))
    if path is None or path.suffix.lower() not in audio.AUDIO_EXTS or not path.exists():
        ctx.error(posixpath.basename(src), "AUD006", f"'{src}' không phải tệp âm thanh trong docs/huong-dan/",
                  "Dùng ![type:audio](../../huong-dan/<bài>/buoc-2.vi.opus).")
        img.decompose()
        return
    problems = audio.check(path)
    ctx.findings += [Finding(ctx.page_file, ctx.line_of(path.name), 1, f.code, f.message, f.hint) for f in problems]
    if any(f.code == "AUD001" for f in problems):
        img.decompose()
        return
    _replace_block(img, audio.player_html(src, path, img.get("title")), soup)


def _step_number(img) -> int | None:
    """The number of the ordered-list step that holds ``img`` (None outside a list)."""
    item = img.find_parent("li")
    if item is None or item.parent is None or item.parent.name != "ol":
        return None
    try:
        start = int(item.parent.get("start", 1))
    except ValueError:
        start = 1
    return start + item.find_previous_siblings("li").__len__()


def _size_of(path: Path | None) -> tuple[int, int] | None:
    """Pixel size of a local raster image (reads the header only)."""
    if path is None or path.suffix.lower() not in IMAGE_EXTS + (".gif", ".avif"):
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


def _image(ctx: Context, img, soup, eager: bool) -> bool:
    """Size, loading and zoom for one image; True if it is a visible picture."""
    src = img.get("src", "")
    rendered = _rendered_for(ctx, ctx.site_path(src))
    alt = (img.get("alt") or "").strip()
    if rendered is not None:
        if not alt and rendered.alt:
            alt = rendered.alt
        img["width"], img["height"] = str(rendered.entry.width), str(rendered.entry.height)
    elif not (img.get("width") and img.get("height")):
        size = _size_of(ctx.other_files.get(ctx.site_path(src) or ""))
        if size:
            img["width"], img["height"] = str(size[0]), str(size[1])
    img["alt"] = alt
    if not alt:
        ctx.error(posixpath.basename(src), "IMG009", f"Ảnh '{src}' không có mô tả (alt)",
                  "Viết mô tả trong ngoặc vuông: ![Nút Đăng nhập ở cuối màn hình](...), hoặc 'alt:' trong tệp .yml.")
    img["loading"] = "eager" if eager else "lazy"
    img["decoding"] = "async"
    if rendered is None:
        return True
    step = _step_number(img)
    if step is not None and rendered.numbers and step not in rendered.numbers:
        drawn = ", ".join(map(str, rendered.numbers))
        ctx.error(posixpath.basename(src).rsplit(".", 1)[0] + ".", "IMG010",
                  f"Ảnh '{posixpath.basename(src)}' nằm ở bước {step} nhưng số vẽ trên ảnh là {drawn}",
                  f"Sửa số trong tệp .yml (callouts/callout) thành {step}, hoặc đặt ảnh vào đúng bước.")
    caption = rendered.caption
    classes = "bdhvs-shot" + (" bdhvs-shot--sketch" if rendered.sketch else "")
    figcaption = ""
    if rendered.sketch:
        text = f"{SKETCH_CAPTION}" + (f": {caption}" if caption else "")
        figcaption = f'<figcaption><span class="bdhvs-shot__tag">{htmllib.escape(text)}</span></figcaption>'
    elif caption:
        figcaption = f"<figcaption>{htmllib.escape(caption)}</figcaption>"
    parent = img.parent
    alone = parent is not None and parent.name == "p" and len(
        [c for c in parent.contents if getattr(c, "name", None) or str(c).strip()]) == 1
    if parent is not None and parent.name == "a":
        return True  # the editor made it a link: keep it
    attrs = " ".join(f'{k}="{htmllib.escape(v if isinstance(v, str) else " ".join(v))}"' for k, v in img.attrs.items())
    zoom = (f'<a class="bdhvs-zoom" href="{htmllib.escape(src)}" data-bdhvs-zoom>'
            f'<img {attrs}></a>')
    if alone:
        _replace_block(img, f'<figure class="{classes}">{zoom}{figcaption}</figure>', soup)
    else:
        img.replace_with(BeautifulSoup(zoom, "html.parser"))
    return True


FIRST_SCREEN_TEXT = 300  # characters of text above an image that still leave it on a phone's first screen


def _on_first_screen(img) -> bool:
    """Is ``img`` in the opening lines of the page (no section heading, little text above)?"""
    text = 0
    for element in img.find_all_previous(string=True):
        text += len(element.strip())
        if text > FIRST_SCREEN_TEXT:
            return False
    return not img.find_all_previous(["h2", "h3", "ol", "ul", "table"])


def process(html: str, ctx: Context) -> str:
    if "<img" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    seen_visual = False
    for img in soup.find_all("img"):
        if img.parent is None:
            continue
        alt = img.get("alt", "")
        if alt == audio.MARK:
            _audio(ctx, img, soup)
            continue
        eager = not seen_visual and _on_first_screen(img)
        if alt == video.MARK:
            seen_visual = _video(ctx, img, soup, eager=eager) or seen_visual
        else:
            seen_visual = _image(ctx, img, soup, eager=eager) or seen_visual
    return str(soup)


def rewrite_markdown(markdown: str, images: dict[str, Rendered]) -> str:
    """Point references to a screenshot source (``…/huong-dan/<slug>/buoc-1.png``, or the
    ``.yml`` of a sketch) at the rendered file (``buoc-1.webp``)."""
    import re

    pattern = re.compile(r"(\]\(\s*<?)([^)\s>]*?" + URI_ROOT + r"/([a-z0-9-]+)/([a-z0-9-]+))\.(png|jpe?g|webp|ya?ml)\b")

    def swap(m):
        rendered = images.get(f"{URI_ROOT}/{m.group(3)}/{m.group(4)}")
        if rendered is None:
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}.{rendered.entry.format}"

    return pattern.sub(swap, markdown)
