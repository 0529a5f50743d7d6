"""Recorded audio clips per guide step or per page, in Vietnamese or Ede.

Files live in the guide's media folder: ``docs/huong-dan/<slug>/<name>.<locale>.opus``
(or ``.ogg``/``.m4a``), one channel (mono), within ``settings.AUDIO_BUDGET``, with the
transcript beside it: ``<name>.<locale>.txt``. Editors place a clip with the same
syntax as videos: ``![type:audio](../../huong-dan/<slug>/buoc-2.vi.opus)`` inside the
step (indented) or at the top of the page. ``buoc-N`` is labelled "Nghe bước N",
``trang`` "Nghe cả trang"; a Markdown title (``"…"``) overrides the label.

The markup is a native ``<audio controls preload="none">`` (keyboard-operable, nothing
downloaded until play) plus the transcript in a ``<details>``; media.js replaces the
controls by one large play/pause button.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from bdhvs import settings
from bdhvs.findings import Finding, relative
from bdhvs.checks.codes import finding  # the ONE code registry

MARK = "type:audio"
AUDIO_EXTS = (".opus", ".ogg", ".m4a")
MIME = {".opus": "audio/ogg; codecs=opus", ".ogg": "audio/ogg; codecs=opus", ".m4a": "audio/mp4"}
NAME_RE = re.compile(r"^(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<locale>[a-z]{2,3})$")


def parse_name(path: Path | str) -> tuple[str, str] | None:
    """``buoc-2.vi.opus`` -> ("buoc-2", "vi"); None when the name does not follow the rule."""
    stem = Path(path).name.rsplit(".", 1)[0]
    m = NAME_RE.match(stem)
    if not m or m.group("locale") not in settings.LANGUAGES:
        return None
    return m.group("name"), m.group("locale")


LANGUAGE_WORDS = {"vi": "tiếng Việt", "ede": "tiếng Êđê"}  # said in Vietnamese, like the rest of the UI


def label(name: str, locale: str) -> str:
    language = LANGUAGE_WORDS.get(locale, settings.LANGUAGES[locale]["name"])
    m = re.match(r"^buoc-(\d+)$", name)
    if m:
        return f"Nghe bước {m.group(1)} ({language})"
    if name == "trang":
        return f"Nghe cả trang ({language})"
    return f"Nghe ({language})"


def transcript_path(path: Path) -> Path:
    return path.with_suffix(".txt")


def check(path: Path, budget: int = settings.AUDIO_BUDGET, *, root: Path | None = None) -> list[Finding]:
    """Name, format (Opus in Ogg, or AAC in MP4), mono, size, transcript."""
    from mutagen import File as MutagenFile, MutagenError

    rel = relative(path, root)
    findings = []
    if parse_name(path) is None:
        langs = ", ".join(settings.LANGUAGES)
        return [finding(rel, 1, 1, "AUD001", f"Tên tệp âm thanh '{path.name}' chưa đúng quy tắc <tên>.<ngôn ngữ>{path.suffix}",
                        f"Ví dụ: buoc-2.vi.opus hoặc trang.ede.opus (ngôn ngữ: {langs}).")]
    size = path.stat().st_size
    if size > budget:
        findings.append(finding(rel, 1, 1, "AUD002", f"Tệp âm thanh nặng {size:,} byte, quá giới hạn {budget:,} byte",
                                "Ghi âm ngắn hơn, một kênh (mono), Opus 16–24 kbit/s."))
    try:
        media = MutagenFile(path)
    except (MutagenError, OSError):
        media = None
    codec = type(media).__name__ if media is not None else None
    ok_format = codec == "OggOpus" or (codec == "MP4" and "mp4a" in str(getattr(media.info, "codec", "")))
    if not ok_format:
        findings.append(finding(rel, 1, 1, "AUD003", "Tệp âm thanh không phải Opus (.opus) hay AAC (.m4a)",
                                "Xuất tệp ghi âm dạng Opus (.opus) hoặc AAC (.m4a), một kênh."))
    elif getattr(media.info, "channels", 1) != 1:
        findings.append(finding(rel, 1, 1, "AUD004", f"Tệp âm thanh có {media.info.channels} kênh, cần 1 kênh (mono)",
                                "Xuất lại tệp ở chế độ mono: nhẹ bằng một nửa, nghe rõ như nhau."))
    text = transcript_path(path)
    if not text.exists() or text.is_symlink() or not text.read_text(encoding="utf-8", errors="replace").strip():
        findings.append(finding(rel, 1, 1, "AUD005", f"Thiếu lời đọc (bản chữ) '{text.name}'",
                                "Chép lại đúng lời trong tệp ghi âm vào tệp .txt cùng tên, bên cạnh tệp âm thanh."))
    return findings


def duration(path: Path) -> float | None:
    from mutagen import File as MutagenFile, MutagenError

    try:
        media = MutagenFile(path)
        return float(media.info.length) if media is not None else None
    except (MutagenError, OSError, AttributeError):
        return None


def player_html(src: str, path: Path, custom_label: str | None = None) -> str:
    """The clip's markup (``src`` is the URL relative to the page)."""
    e = html.escape
    name, locale = parse_name(path)
    text = transcript_path(path)
    # never read through a link (PUB-SYMLINK): the transcript is printed in the page
    transcript = text.read_text(encoding="utf-8", errors="replace").strip() if text.exists() and not text.is_symlink() else ""
    paragraphs = "".join(f"<p>{e(p.strip())}</p>" for p in re.split(r"\n\s*\n", transcript) if p.strip())
    aria = custom_label or label(name, locale)
    seconds = duration(path)
    length = f" ({round(seconds)} giây)" if seconds else ""
    return (
        f'<div class="bdhvs-audio" lang="{settings.bcp47(locale)}" data-bdhvs-audio>'
        f'<audio controls preload="none" lang="vi" aria-label="{e(aria)}" data-bdhvs-label="{e(aria)}">'
        f'<source src="{e(src)}" type="{MIME[path.suffix.lower()]}">'
        f'<a href="{e(src)}">{e(aria)}</a></audio>'
        f'<details class="bdhvs-audio__transcript"><summary lang="vi">Lời đọc{e(length)}</summary>{paragraphs}</details>'
        f'</div>'
    )
