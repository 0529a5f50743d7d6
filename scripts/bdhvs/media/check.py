"""Every media finding of a site, without building it: annotation YAML, image budget,
the video register, local videos (budget, captions) and audio clips (format, mono,
budget, transcript). Used by `bdhvs images --check`, by the build, and available to
`bdhvs check`."""
from __future__ import annotations

from pathlib import Path

from bdhvs import settings
from bdhvs.findings import Finding
from bdhvs.media import audio, cache as cache_mod, catalog, video
from bdhvs.checks.codes import finding  # the ONE code registry


def media_files(media_dir: Path, exts: tuple[str, ...]) -> list[Path]:
    if not media_dir.is_dir():
        return []
    return sorted(p for p in media_dir.glob("*/*") if p.is_file() and not p.is_symlink() and p.suffix.lower() in exts)


def check_media(media_dir: Path, register: video.Register, *, root: Path | None = None,
                audio_budget: int = settings.AUDIO_BUDGET, video_budget: int = settings.VIDEO_BUDGET) -> list[Finding]:
    """Audio and local video files, and the register's references to them."""
    findings: list[Finding] = []
    for path in media_files(media_dir, audio.AUDIO_EXTS):
        findings += audio.check(path, audio_budget, root=root)
    for path in media_files(media_dir, video.VIDEO_EXTS):
        findings += video.check_local(path, video_budget, root=root)
    from bdhvs.findings import relative

    rel = relative(register.path, root)
    for key, entry in register.by_file.items():
        if not (media_dir / key).exists():
            findings.append(finding(rel, entry.line, 1, "VID006", f"Không thấy tệp video docs/huong-dan/{key}",
                                    "Sửa đường dẫn 'file:' hoặc thêm tệp video."))
    for vid, entry in register.by_id.items():
        if entry.poster and not (media_dir / entry.poster).exists():
            findings.append(finding(rel, entry.line, 1, "VID005", f"Không thấy ảnh bìa docs/huong-dan/{entry.poster}",
                                    "Thêm ảnh bìa (một khung hình của video) vào thư mục của bài hướng dẫn."))
    return findings


def check_all(docs_dir: Path = settings.DOCS_DIR, videos_file: Path = settings.DATA_DIR / "videos.yml", *,
              cache_dir: Path = settings.CACHE_DIR / "images", root: Path | None = settings.ROOT) -> list[Finding]:
    media_dir = docs_dir / catalog.URI_ROOT
    _, findings = catalog.render_all(media_dir, cache_mod.Cache(cache_dir), root=root)
    register, more = video.load_register(videos_file, root=root)
    return findings + more + check_media(media_dir, register, root=root)
