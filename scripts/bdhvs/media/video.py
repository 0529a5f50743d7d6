"""Videos: the register ``data/videos.yml``, the click-to-load YouTube facade and
local video files for offline classes.

Editors write mkdocs-video syntax: ``![type:video](https://www.youtube.com/embed/ID)``
or ``![type:video](../../huong-dan/<slug>/<name>.mp4)``. The ID (or file) must be in
``data/videos.yml`` with the source that confirms it is official and the date it was
checked; an unknown ID is an error (never embed an unconfirmed video).

The facade is a plain link to the youtube-nocookie.com player around a LOCAL poster;
media.js swaps it for the player iframe on click. Nothing is requested from any other
host before the click; without JS the link opens the player.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from bdhvs.findings import Finding, relative
from bdhvs.media import yamldata
from bdhvs.checks.codes import finding  # the ONE code registry

MARK = "type:video"
NOCOOKIE = "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"
WATCH = "https://www.youtube.com/watch?v={id}"
ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIDEO_EXTS = (".mp4", ".webm")
_MEDIA_PATH = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:[.-][a-z0-9]+)*\.{exts}$"

SCHEMA = {
    "type": "object",
    "required": ["videos"],
    "additionalProperties": False,
    "properties": {
        "videos": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "duration", "source", "checked"],
                "oneOf": [{"required": ["youtube"]}, {"required": ["file"]}],
                "if": {"required": ["youtube"]},
                "then": {"required": ["channel", "channel_url", "poster"]},
                "properties": {
                    "youtube": {"type": "string", "pattern": ID_RE.pattern},
                    "file": {"type": "string", "pattern": _MEDIA_PATH.format(exts="(mp4|webm)")},
                    "title": {"type": "string", "minLength": 3},
                    "duration": {"type": "string", "pattern": r"^(\d+:)?[0-5]?\d:[0-5]\d$"},
                    "channel": {"type": "string", "minLength": 2},
                    "channel_url": {"type": "string", "pattern": r"^https://(www\.)?youtube\.com/"},
                    "source": {"type": "string", "pattern": r"^https://"},
                    "checked": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "poster": {"type": "string", "pattern": _MEDIA_PATH.format(exts="(png|jpe?g|webp|ya?ml)")},
                    "note": {"type": "string"},
                },
            },
        }
    },
}


@dataclass
class Video:
    title: str
    duration: str
    source: str
    checked: str
    line: int
    youtube: str | None = None
    file: str | None = None  # "<slug>/<name>.mp4" under docs/huong-dan/
    channel: str | None = None
    channel_url: str | None = None
    poster: str | None = None  # "<slug>/<name>.png" under docs/huong-dan/

    @property
    def seconds(self) -> int:
        total = 0
        for part in self.duration.split(":"):
            total = total * 60 + int(part)
        return total

    @property
    def duration_words(self) -> str:
        s = self.seconds
        h, m, sec = s // 3600, s % 3600 // 60, s % 60
        parts = ([f"{h} giờ"] if h else []) + ([f"{m} phút"] if m else []) + ([f"{sec} giây"] if sec else [])
        return " ".join(parts) or "0 giây"

    @property
    def iso_duration(self) -> str:
        return f"PT{self.seconds}S"


@dataclass
class Register:
    path: Path
    by_id: dict[str, Video]
    by_file: dict[str, Video]


def load_register(path: Path, *, root: Path | None = None) -> tuple[Register, list[Finding]]:
    empty = Register(path, {}, {})
    if not path.exists():
        return empty, []
    data, lines, findings = yamldata.load(path, SCHEMA, "VID001", root=root)
    if data is None:
        return empty, findings
    reg = Register(path, {}, {})
    for index, item in enumerate(data["videos"] or []):
        video = Video(line=lines.get(("videos", index), 1), **{k: str(v) for k, v in item.items() if k != "note"})
        key = video.youtube or video.file
        table = reg.by_id if video.youtube else reg.by_file
        if key in table:
            findings.append(finding(relative(path, root), video.line, 1, "VID001", f"Video '{key}' được ghi hai lần",
                                    "Xoá một mục."))
        table[key] = video
    return reg, findings


def youtube_id(url: str) -> str | None:
    """The video ID from any usual YouTube URL form; None if it is not YouTube."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        candidate = parsed.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parsed.path.split("/")[2]
        elif parsed.path == "/watch":
            candidate = (parse_qs(parsed.query).get("v") or [""])[0]
        else:
            return ""
    else:
        return None
    return candidate if ID_RE.match(candidate or "") else ""


def facade_html(video: Video, poster: tuple[str, int, int] | None, *, eager: bool = False) -> str:
    """Click-to-load YouTube player: a link with a local poster; JS turns it into the player."""
    e = html.escape
    embed = NOCOOKIE.format(id=video.youtube)
    watch = WATCH.format(id=video.youtube)
    label = f"Phát video: {video.title} ({video.duration_words})"
    img = ""
    if poster:
        src, width, height = poster
        img = (f'<img src="{e(src)}" alt="" width="{width}" height="{height}" '
               f'loading="{"eager" if eager else "lazy"}" decoding="async">')
    return (
        f'<figure class="bdhvs-video" data-bdhvs-video="youtube">'
        f'<a class="bdhvs-video__facade" href="{e(embed)}" data-bdhvs-embed="{e(embed)}" '
        f'data-bdhvs-title="{e(video.title)}" aria-label="{e(label)}">'
        f'{img}<span class="bdhvs-video__play" aria-hidden="true"></span>'
        f'<span class="bdhvs-video__time" aria-hidden="true">{e(video.duration)}</span></a>'
        f'<figcaption><strong>{e(video.title)}</strong> · {e(video.duration_words)} · '
        f'Kênh chính thức: {e(video.channel or "")}. '
        f'<span class="bdhvs-video__note">Video chỉ tải từ YouTube khi bạn bấm phát (cần mạng, tốn dung lượng).</span>'
        f'</figcaption>'
        f'<p class="bdhvs-video__print">Xem video “{e(video.title)}” ({e(video.duration_words)}): '
        f'<a href="{e(watch)}" data-bdhvs-qr="{e(watch)}">{e(watch)}</a></p>'
        f'</figure>'
    )


def local_html(video: Video, src: str, captions: list[tuple[str, str, str]], size: int,
               poster: tuple[str, int, int] | None) -> str:
    """A local video for offline classes: never preloaded, Vietnamese captions on by default.

    ``captions``: (src, bcp47, label) tuples, Vietnamese first."""
    e = html.escape
    mime = "video/webm" if src.endswith(".webm") else "video/mp4"
    dims = f' width="{poster[1]}" height="{poster[2]}" poster="{e(poster[0])}"' if poster else ""
    tracks = "".join(
        f'<track kind="captions" src="{e(t_src)}" srclang="{e(lang)}" label="{e(label)}"{" default" if i == 0 else ""}>'
        for i, (t_src, lang, label) in enumerate(captions)
    )
    mb = f"{size / 1_000_000:.1f}".replace(".", ",")
    return (
        f'<figure class="bdhvs-video bdhvs-video--local" data-bdhvs-video="local">'
        f'<video controls preload="none" playsinline{dims} aria-label="{e(video.title)}">'
        f'<source src="{e(src)}" type="{mime}">{tracks}'
        f'<a href="{e(src)}">Tải video: {e(video.title)}</a></video>'
        f'<figcaption><strong>{e(video.title)}</strong> · {e(video.duration_words)} · '
        f'<a href="{e(src)}" download>Tải video về máy ({mb} MB)</a></figcaption>'
        f'<p class="bdhvs-video__print">Video “{e(video.title)}” ({e(video.duration_words)}) có trong bộ bài giảng.</p>'
        f'</figure>'
    )


def check_local(path: Path, budget: int, *, root: Path | None = None) -> list[Finding]:
    """A local video: within the budget and with Vietnamese WebVTT captions beside it."""
    rel = relative(path, root)
    findings = []
    size = path.stat().st_size
    if size > budget:
        findings.append(finding(rel, 1, 1, "VID003", f"Video nặng {size:,} byte, quá giới hạn {budget:,} byte",
                                "Cắt ngắn video hoặc nén lại (720p trở xuống)."))
    vtt = captions_for(path)
    if not vtt or vtt[0][1] != "vi":
        findings.append(finding(rel, 1, 1, "VID004", f"Video thiếu phụ đề tiếng Việt '{path.stem}.vi.vtt'",
                                "Thêm tệp phụ đề WebVTT cùng tên, đuôi .vi.vtt, bên cạnh video."))
    for vtt_path, _ in vtt:
        head = vtt_path.read_bytes()[:10].lstrip(b"\xef\xbb\xbf")
        if not head.startswith(b"WEBVTT"):
            findings.append(finding(relative(vtt_path, root), 1, 1, "VID004", "Tệp phụ đề phải bắt đầu bằng dòng 'WEBVTT'",
                                    "Lưu phụ đề ở định dạng WebVTT (.vtt)."))
    return findings


def captions_for(path: Path) -> list[tuple[Path, str]]:
    """Caption files beside a video: ``<name>.<locale>.vtt``, Vietnamese first."""
    from bdhvs import settings

    out = []
    for locale in settings.LANGUAGES:
        candidate = path.with_name(f"{path.stem}.{locale}.vtt")
        if candidate.exists():
            out.append((candidate, locale))
    return out
