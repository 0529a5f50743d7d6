"""What a guide media folder holds, and the images the build publishes from it.

``docs/huong-dan/<slug>/`` may contain, per image name (``buoc-2``):
- ``buoc-2.png`` (or .jpg/.jpeg/.webp): a real screenshot, never published as is;
- ``buoc-2.yml``: its annotations (see ``spec``), or a ``sketch:`` when no screenshot exists.
Both publish ONE file ``huong-dan/<slug>/buoc-2.webp``.
Audio (.opus/.ogg/.m4a), video (.mp4/.webm), captions (.vtt) are published as they are;
transcripts (.txt) are shown in the page and not published as files.
"""
from __future__ import annotations

import io
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from bdhvs import settings
from bdhvs.findings import Finding, relative
from bdhvs.media import cache as cache_mod
from bdhvs.media import draw, encode, render, sketch, spec as spec_mod
from bdhvs.checks.codes import finding  # the ONE code registry

IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".webp")
SPEC_EXTS = (".yml", ".yaml")
UNPUBLISHED_EXTS = IMAGE_EXTS + SPEC_EXTS + (".txt",)
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URI_ROOT = "huong-dan"


@dataclass
class Source:
    slug: str
    name: str
    image: Path | None
    spec: Path | None

    @property
    def key(self) -> str:
        return f"{URI_ROOT}/{self.slug}/{self.name}"


@dataclass
class Rendered:
    source: Source
    entry: cache_mod.Entry
    sketch: bool
    alt: str | None
    caption: str | None
    source_bytes: int
    cached: bool
    numbers: tuple[int, ...] = ()  # step numbers drawn on the image (callouts)

    @property
    def uri(self) -> str:
        return f"{self.source.key}.{self.entry.format}"


def sources(media_dir: Path, root: Path | None = None) -> tuple[list[Source], list[Finding]]:
    """Pair screenshots with their YAML files in every guide folder."""
    found: dict[tuple[str, str], Source] = {}
    findings: list[Finding] = []
    if not media_dir.is_dir():
        return [], []
    # Symbolic links are never read (they may point at the machine's secrets): the publish
    # allow-list reports them (PUB-SYMLINK).
    for folder in sorted(p for p in media_dir.iterdir() if p.is_dir() and not p.is_symlink() and p.name[0] not in "._"):
        for path in sorted(folder.iterdir()):
            ext = path.suffix.lower()
            if path.is_symlink() or not path.is_file() or ext not in IMAGE_EXTS + SPEC_EXTS:
                continue
            if not NAME_RE.match(path.stem):
                findings.append(finding(relative(path, root), 1, 1, "IMG007",
                                        f"Tên tệp '{path.name}' chỉ được có chữ thường không dấu, số và dấu gạch ngang",
                                        "Ví dụ: buoc-2.png và buoc-2.yml."))
                continue
            src = found.setdefault((folder.name, path.stem), Source(folder.name, path.stem, None, None))
            if ext in IMAGE_EXTS:
                if src.image is not None:
                    findings.append(finding(relative(path, root), 1, 1, "IMG007",
                                            f"Có hai ảnh cùng tên '{path.stem}': {src.image.name} và {path.name}",
                                            "Giữ lại một ảnh, xoá ảnh kia."))
                    continue
                src.image = path
            else:
                if src.spec is not None:
                    findings.append(finding(relative(path, root), 1, 1, "IMG007",
                                            f"Có hai tệp chú thích cùng tên '{path.stem}'", "Giữ lại một tệp .yml."))
                    continue
                src.spec = path
    return list(found.values()), findings


def _unreadable(exc: Exception) -> str:
    """Why an image could not be read, in the editor's words (Pillow's text names a memory buffer)."""
    if isinstance(exc, Image.DecompressionBombError):
        return "ảnh quá lớn (quá nhiều điểm ảnh)"
    if isinstance(exc, UnidentifiedImageError):
        return "tệp không phải là ảnh, hoặc ảnh đã hỏng"
    return "ảnh bị hỏng hoặc chưa được lưu hết"


def render_source(src: Source, cache: cache_mod.Cache, *, budget: int = settings.IMAGE_BUDGET,
                  root: Path | None = None) -> tuple[Rendered | None, list[Finding]]:
    """Render one image (or take it from the cache). Never raises for bad input."""
    spec = None
    findings: list[Finding] = []
    if src.spec is not None:
        spec, findings = spec_mod.load(src.spec, root=root)
        if spec is None:
            return None, findings
    rel_spec = relative(src.spec, root) if src.spec else None
    if src.image is None and (spec is None or spec.sketch is None):
        return None, [finding(rel_spec, 1, 1, "IMG005", f"Chưa có ảnh '{src.name}.png' và tệp không có phần 'sketch:'",
                              "Thêm ảnh chụp màn hình cùng tên, hoặc mô tả hình minh hoạ trong 'sketch:'.")]
    if src.image is not None:
        from bdhvs.inputs import images  # pixels and bytes checked before anything decodes

        too_big = images.limits(src.image, root=root)
        if too_big:
            return None, too_big
    image_bytes = src.image.read_bytes() if src.image else b""
    spec_bytes = src.spec.read_bytes() if src.spec else b""
    max_width = spec.max_width if spec else spec_mod.DEFAULT_MAX_WIDTH
    is_sketch = src.image is None
    k = cache_mod.key(image_bytes, spec_bytes, draw.fingerprint(), budget, max_width,
                      "sketch-svg" if is_sketch else "shot")
    entry = cache.get(k)
    cached = entry is not None
    if entry is None and is_sketch:  # SVG: text in the reader's font, no pixels to encode
        data, width, height = sketch.render_svg(spec.sketch, max_width=max_width)
        entry = cache.put(k, data, format="svg", width=width, height=height, lossless=True, quality=100)
    elif entry is None:
        rel_image = relative(src.image, root)
        try:
            original = Image.open(io.BytesIO(image_bytes))
            original.load()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            return None, [finding(rel_image, 1, 1, "IMG006", f"Không đọc được ảnh: {_unreadable(exc)}",
                                  "Chụp lại màn hình và lưu dạng PNG.")]
        if spec is not None:
            bounds = spec_mod.check_bounds(spec, original.size, rel_spec)
            if bounds:
                return None, bounds
        try:
            picture = render.render(original, spec, max_width=max_width)
        except draw.FontMissing as exc:
            return None, [finding(rel_spec or rel_image, 1, 1, "IMG008", str(exc), "")]
        enc = encode.encode(picture, budget)
        entry = cache.put(k, enc.data, format=enc.format, width=enc.width, height=enc.height,
                          lossless=enc.lossless, quality=enc.quality)
    if entry.bytes > budget:
        where = relative(src.image or src.spec, root)
        findings.append(finding(where, 1, 1, "IMG004",
                                f"Ảnh sau khi nén vẫn nặng {entry.bytes:,} byte, quá giới hạn {budget:,} byte",
                                "Cắt bớt phần không cần (crop) hoặc chụp màn hình nhỏ hơn."))
    numbers: tuple[int, ...] = ()
    if spec is not None:
        drawn = [n for n, _ in spec.callouts] if not is_sketch else [i.callout for i in spec.sketch.items if i.callout]
        numbers = tuple(sorted(set(drawn)))
    rendered = Rendered(src, entry, is_sketch, spec.alt if spec else None, spec.caption if spec else None,
                        len(image_bytes), cached, numbers)
    return rendered, findings


def render_all(media_dir: Path, cache: cache_mod.Cache, *, budget: int = settings.IMAGE_BUDGET,
               root: Path | None = None) -> tuple[dict[str, Rendered], list[Finding]]:
    """Every image of every guide: {"huong-dan/<slug>/<name>": Rendered}."""
    items, findings = sources(media_dir, root)
    out: dict[str, Rendered] = {}
    # Pillow lets go of Python's lock while it draws and encodes, so a cold cache renders
    # on every core; results are taken in source order (same findings, same output).
    with ThreadPoolExecutor(max_workers=min(len(items), os.cpu_count() or 1) or 1) as pool:
        results = list(pool.map(lambda src: render_source(src, cache, budget=budget, root=root), items))
    for src, (rendered, more) in zip(items, results):
        findings += more
        if rendered is not None:
            out[src.key] = rendered
    return out, findings
