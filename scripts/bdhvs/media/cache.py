"""Content-hash cache of rendered images (``.cache/bdhvs/images``).

The key covers everything that changes the output bytes: the source image bytes, the
annotation YAML bytes, the renderer version, fonts/FreeType, Pillow, the width and the
budget. A hit copies nothing and decodes nothing: the build points at the cached file.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, features

RENDERER_VERSION = "3"


@dataclass
class Entry:
    path: Path
    format: str
    width: int
    height: int
    bytes: int
    lossless: bool
    quality: int | None = None


def key(*parts: bytes | str | int | None) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, Image.__version__, str(features.version("webp")), *parts):
        if part is None:
            part = b"\0none"
        if isinstance(part, int):
            part = str(part)
        if isinstance(part, str):
            part = part.encode()
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:32]


class Cache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def get(self, k: str) -> Entry | None:
        meta = self.folder / f"{k}.json"
        if not meta.exists():
            return None
        try:
            info = json.loads(meta.read_text())
            path = self.folder / f"{k}.{info['format']}"
            if not path.exists() or path.stat().st_size != info["bytes"]:
                return None
        except (ValueError, KeyError, OSError):
            return None
        self.hits += 1
        return Entry(path=path, **{f: info[f] for f in ("format", "width", "height", "bytes", "lossless", "quality")})

    def put(self, k: str, data: bytes, *, format: str, width: int, height: int, lossless: bool,
            quality: int | None) -> Entry:
        self.misses += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{k}.{format}"
        writer = f"{os.getpid()}-{threading.get_ident()}"  # parallel builds and threads
        tmp = path.with_suffix(f".{writer}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # atomic: a parallel build never sees half a file
        entry = Entry(path, format, width, height, len(data), lossless, quality)
        info = {k2: v for k2, v in asdict(entry).items() if k2 != "path"}
        meta_tmp = self.folder / f"{k}.{writer}.json.tmp"
        meta_tmp.write_text(json.dumps(info))
        os.replace(meta_tmp, self.folder / f"{k}.json")
        return entry

    def prune(self, keep: set[str]) -> int:
        """Delete cached renders whose key is not in ``keep``; returns the bytes freed."""
        freed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.iterdir():
            if path.is_file() and path.name.split(".", 1)[0] not in keep:
                freed += path.stat().st_size
                path.unlink()
        return freed
