"""The reader of media YAML: annotation files of screenshots and sketches
(docs/huong-dan/<slug>/<name>.yml) and the video register (data/videos.yml).

Same road as every data file (:mod:`bdhvs.inputs.datafiles`): limits, YAML problems and
duplicate keys as findings of the media code (IMG001 / VID001), never an exception. The
media modules keep their schemas and their Vietnamese messages (media/spec.py,
media/video.py) and read the bytes only through :func:`read`.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs.inputs import datafiles


_SPECS: dict[tuple[str, int], datafiles.Spec] = {}


def read(path: Path, code: str, *, schema: dict | None = None, root: Path | None = None) -> datafiles.DataRecord:
    """The record of one media YAML file; ``schema`` (optional) is validated with ``code``."""
    key = (code, id(schema))
    if key not in _SPECS:
        _SPECS[key] = datafiles.Spec(schema or {}, code=code, yaml_code=code)
    return datafiles.read_path(path, _SPECS[key], root=root)
