"""Load a media YAML data file (data/videos.yml) through the gate, validated against its JSON
Schema, with line numbers."""
from __future__ import annotations

from pathlib import Path



def load(path: Path, schema: dict, code: str, *, root: Path | None = None):
    """Return ``(data, lines, findings)``; ``data`` is None when the file is unusable."""
    from bdhvs.inputs import media  # the gate's reader (limits, duplicate keys, schema at the line)

    record = media.read(path, code, schema=schema, root=root)
    if record.errors:
        return None, record.lines, record.findings
    return _plain(record.data), record.lines, record.findings


def _plain(value):
    """YAML reads 2026-11-25 as a date: keep dates as ISO text, like JSON would."""
    import datetime

    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
