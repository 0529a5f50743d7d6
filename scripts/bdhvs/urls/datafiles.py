"""URLs written in data files that reach pages: the glossary's sources (the glossary page
and the "secrets" lists link them) and the videos register (channel and source), judged by
the same policy as a source in a page's front matter and reported at the data file's line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative
from bdhvs.urls import policy

FILES = {"glossary.yml": {"url"}, "videos.yml": {"channel_url", "source"}}


def _scalars(node, keys: set[str], depth: int = 0):
    """(key, value node) for every scalar under one of ``keys``, at any depth (bounded)."""
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.ScalarNode) and getattr(key, "value", None) in keys:
                yield key.value, value
            else:
                yield from _scalars(value, keys, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, keys, depth + 1)


def check(data_dir: Path, root: Path, data) -> list[Finding]:
    """Every data file of FILES in ``data_dir`` (the build)."""
    return [item for name in FILES for item in check_file(data_dir / name, root, data)]


def check_file(path: Path, root: Path, data) -> list[Finding]:
    """One data file (``bdhvs check`` on that file); nothing for a file not in FILES."""
    out: list[Finding] = []
    keys = FILES.get(path.name)
    if keys is not None:
        if path.is_symlink() or not path.is_file():
            return out
        from bdhvs.inputs import datafiles

        node = datafiles.read(path.name, path.parent, root=root).node
        if node is None:
            return out  # the gate's data-file reader reports what is unreadable
        for key, value in _scalars(node, keys):
            text = str(value.value)
            found = policy.verdict(text, "source", data, decoded=True)
            if found is None and key == "channel_url":
                parsed = policy.parse(text, decoded=True)
                if parsed is None or policy.site_host(parsed.host) != "youtube.com" or parsed.userinfo or parsed.port:
                    found = policy.Verdict("URL-DOMAIN", f"Kênh “{policy.short(text)}” không phải địa chỉ trên youtube.com")
            if found is not None:
                out.append(finding(relative(path, root), value.start_mark.line + 1, value.start_mark.column + 1,
                                   found.code, f"{key}: {found.message}", found.hint, found.severity))
    return out
