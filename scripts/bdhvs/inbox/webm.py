"""Opus audio recorded by a browser (MediaRecorder, ``audio/webm;codecs=opus``) put into
an Ogg Opus file (``.opus``), the format the site's audio clips use (media/audio.py).

No re-encoding: the Opus packets are copied from the WebM (Matroska) blocks into Ogg
pages (RFC 7845), with the OpusHead from the track's CodecPrivate. Only what browsers
write is read: EBML with unknown-size Segment/Cluster, SimpleBlock or BlockGroup without
lacing, one audio track.
"""
from __future__ import annotations

import struct

SEGMENT, CLUSTER, TRACKS, TRACK_ENTRY, CODEC_ID, CODEC_PRIVATE = 0x18538067, 0x1F43B675, 0x1654AE6B, 0xAE, 0x86, 0x63A2
SIMPLE_BLOCK, BLOCK_GROUP, BLOCK = 0xA3, 0xA0, 0xA1
MASTERS = {SEGMENT, CLUSTER, TRACKS, TRACK_ENTRY, BLOCK_GROUP}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"


class WebmError(Exception):
    """Not a WebM Opus recording this module can read (message in Vietnamese)."""


def _vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int, int, bool]:
    if pos >= len(data):
        raise WebmError("tệp ghi âm bị cắt cụt")
    first = data[pos]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or pos + length > len(data):
        raise WebmError("tệp ghi âm hỏng (số đo sai)")
    value = first if keep_marker else first & (0xFF >> length)
    for b in data[pos + 1:pos + length]:
        value = (value << 8) | b
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, pos + length, unknown


def _walk(data: bytes, start: int, end: int, out: dict) -> None:
    pos = start
    while pos < end:
        ident, pos, _ = _vint(data, pos, keep_marker=True)
        size, pos, unknown = _vint(data, pos, keep_marker=False)
        stop = end if unknown else min(end, pos + size)
        if ident in MASTERS:
            _walk(data, pos, stop, out)
        elif ident == CODEC_ID:
            out["codec"] = data[pos:stop].decode("ascii", "replace")
        elif ident == CODEC_PRIVATE:
            out["head"] = data[pos:stop]
        elif ident in (SIMPLE_BLOCK, BLOCK):
            _track, body, _ = _vint(data, pos, keep_marker=False)
            flags = data[body + 2] if body + 2 < stop else 0
            if flags & 0x06:
                raise WebmError("tệp ghi âm dùng cách ghép khung chưa hỗ trợ")
            out.setdefault("packets", []).append(data[body + 3:stop])
        pos = stop


def packets(data: bytes) -> tuple[bytes, list[bytes]]:
    """(OpusHead, Opus packets) of a WebM recording."""
    if not data.startswith(EBML_MAGIC):
        raise WebmError("không phải tệp WebM")
    found: dict = {}
    _walk(data, 0, len(data), found)
    if found.get("codec") != "A_OPUS" or not found.get("head", b"").startswith(b"OpusHead"):
        raise WebmError("tệp ghi âm không phải Opus")
    if not found.get("packets"):
        raise WebmError("tệp ghi âm không có tiếng")
    return found["head"], found["packets"]


def _samples(packet: bytes) -> int:
    """Samples at 48 kHz in one Opus packet (RFC 6716 §3.1)."""
    if not packet:
        return 0
    toc = packet[0]
    config = toc >> 3
    if config < 12:
        size = (480, 960, 1920, 2880)[config % 4]
    elif config < 16:
        size = (480, 960)[config % 2]
    else:
        size = (120, 240, 480, 960)[config % 4]
    code = toc & 3
    frames = 1 if code == 0 else 2 if code in (1, 2) else (packet[1] & 0x3F if len(packet) > 1 else 0)
    return size * frames


def _crc_table() -> list[int]:
    table = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else (r << 1)
        table.append(r & 0xFFFFFFFF)
    return table


_CRC = _crc_table()


def _crc(data: bytes) -> int:
    crc = 0
    for b in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC[((crc >> 24) & 0xFF) ^ b]
    return crc


def _page(packet: bytes, serial: int, seq: int, granule: int, flags: int) -> bytes:
    lacing = bytearray()
    left = len(packet)
    while left >= 255:
        lacing.append(255)
        left -= 255
    lacing.append(left)
    if len(lacing) > 255:
        raise WebmError("một khung âm thanh quá lớn")
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, serial, seq, 0, len(lacing)) + bytes(lacing)
    page = bytearray(header + packet)
    struct.pack_into("<I", page, 22, _crc(bytes(page)))
    return bytes(page)


def to_ogg(data: bytes, serial: int = 0x62646876) -> tuple[bytes, int]:
    """(Ogg Opus file, channel count) from a WebM Opus recording; one packet per page."""
    head, items = packets(data)
    channels = head[9] if len(head) > 9 else 0
    pre_skip = struct.unpack_from("<H", head, 10)[0] if len(head) > 11 else 0
    vendor = b"bdhvs inbox"
    tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)
    out = [_page(head, serial, 0, 0, 0x02), _page(tags, serial, 1, 0, 0)]
    granule = pre_skip
    for n, packet in enumerate(items):
        granule += _samples(packet)
        last = n == len(items) - 1
        out.append(_page(packet, serial, n + 2, granule, 0x04 if last else 0))
    return b"".join(out), channels
