"""PRIV-UNREDACTED: a redaction box of a committed screenshot source still holds pixels.

Checked from either file of the pair (``buoc-2.png`` or ``buoc-2.yml`` in
``docs/huong-dan/<slug>/``), so the pre-commit hook, which sees only the changed files,
catches a new screenshot as well as a new box; the finding is on the YAML line of the box.
Invalid annotation files and unreadable images are reported by their own checks
(`bdhvs images`, PRIV-IMAGE-BAD), not here.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative
from bdhvs.media import redact, spec as spec_mod

MEDIA_ROOT = "huong-dan"
IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".webp")
SPEC_EXTS = (".yml", ".yaml")


def _pair(path: Path, docs_dir: Path) -> tuple[Path | None, Path | None]:
    """(source image, annotation file) of a guide media file, or (None, None)."""
    try:
        parts = path.resolve().relative_to(docs_dir.resolve()).parts
    except ValueError:
        return None, None
    if len(parts) != 3 or parts[0] != MEDIA_ROOT:
        return None, None
    # Extensions in any case: a screenshot saved as BUOC-2.PNG or buoc-2.JpG is the same source.
    siblings = sorted(p for p in path.parent.iterdir() if p.stem == path.stem and p.is_file())
    image = next((p for e in IMAGE_EXTS for p in siblings if p.suffix.lower() == e), None)
    annotations = next((p for e in SPEC_EXTS for p in siblings if p.suffix.lower() == e), None)
    return image, annotations


def check(path: Path, docs_dir: Path, root: Path) -> list[Finding]:
    if path.suffix.lower() not in IMAGE_EXTS + SPEC_EXTS:
        return []
    image, annotations = _pair(path, docs_dir)
    if image is None or annotations is None:
        return []
    spec, problems = spec_mod.load(annotations, root=root)
    if spec is None or not spec.redact:
        return []
    try:
        boxes = redact.unredacted(image, spec)
    except redact.RedactError:
        return []  # PRIV-IMAGE-BAD says the image cannot be read
    name = relative(annotations, root)
    return [finding(name, spec.line_of("redact", i), 1, "PRIV-UNREDACTED",
                    f"Vùng che {list(spec.redact[i].rect)} vẫn còn điểm ảnh thật trong tệp gốc {image.name}: "
                    "ảnh gốc nằm công khai trong kho mã, ai cũng tải về xem được")
            for i in boxes]
