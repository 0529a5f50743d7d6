"""A minimal reader for the PDFs Chromium prints (page.pdf): the pages in order and, for
each, whether it draws any text, and how many images the document holds. Enough to tell
"the QR code is alone on the last page" and "an image is missing" without a PDF library."""
from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_REF = re.compile(rb"(\d+) 0 R")


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    start = body.find(b"stream")
    if start < 0:
        return b""
    start += len(b"stream")
    start += 2 if body[start:start + 2] == b"\r\n" else 1
    end = body.rfind(b"endstream")
    data = body[start:end]
    if b"/FlateDecode" in body[:body.find(b"stream")]:
        try:
            return zlib.decompressobj().decompress(data)
        except zlib.error:
            return b""
    return data


def pages(pdf: bytes) -> list[bytes]:
    """The content stream of every page, in page order."""
    objs = _objects(pdf)
    root = next((b for b in objs.values() if re.search(rb"/Type\s*/Pages\b", b) and b"/Parent" not in b), None)
    if root is None:
        return []

    def walk(body: bytes) -> list[bytes]:
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
        out = []
        for ref in _REF.findall(kids.group(1) if kids else b""):
            child = objs.get(int(ref), b"")
            if re.search(rb"/Type\s*/Pages\b", child):
                out += walk(child)
            else:
                contents = re.search(rb"/Contents\s*(?:\[(.*?)\]|(\d+) 0 R)", child, re.S)
                refs = _REF.findall(contents.group(1)) if contents and contents.group(1) else \
                    ([contents.group(2)] if contents else [])
                out.append(b"".join(_stream(objs.get(int(r), b"")) for r in refs))
        return out

    return walk(root)


def draws_text(content: bytes) -> bool:
    return re.search(rb"\bBT\b", content) is not None


def image_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Image\b", pdf))


def _fill(hex_colour: str) -> re.Pattern:
    """The PDF fill operator Chromium writes for a colour ("#3c4043" -> ".2353 .251 .2627 rg")."""
    parts = []
    for i in (1, 3, 5):
        value = int(hex_colour[i:i + 2], 16) / 255
        text = f"{value:.4f}".rstrip("0").rstrip(".") or "0"
        parts.append(re.escape(text.removeprefix("0") if text.startswith("0.") else text).encode())
    return re.compile(rb"(?<![\d.])" + rb" ".join(parts) + rb" (?:rg|sc|scn)\b")


def sketch_count(pdf: bytes, bar_colour: str) -> int:
    """How many drawn sketches (SVG, printed as vector drawings, not images) the document
    shows: each draws its title bar once in ``bar_colour`` (media/sketch.py BAR)."""
    pattern = _fill(bar_colour)
    return sum(len(pattern.findall(_stream(body))) for body in _objects(pdf).values())
