"""Fast, cached YAML loading for build-time reads.

A build reads the same front matter and data files many times (both languages, several
features). PyYAML's pure-Python loader dominated the build profile; libyaml's CSafeLoader
(bundled in PyYAML's wheels) plus a cache keyed by the text makes those reads cheap.
Errors are PyYAML's own (same classes and marks), so callers' messages do not change.
Callers get a fresh copy, so mutating the result never alters the cache.
"""
from __future__ import annotations

import copy
from functools import lru_cache

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=4096)
def _load(text: str):
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def safe_load(text: str):
    return copy.deepcopy(_load(text))


@lru_cache(maxsize=256)
def compose(text: str):
    """The node tree of ``text`` (for line numbers), by libyaml; cached, so callers must
    not change it. On a syntax error the pure-Python parser runs again to raise, so the
    error and its line are the same as ``yaml.compose`` reports."""
    try:
        return yaml.compose(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def load_with_nodes(text: str):
    """``(data, node tree)`` of ``text``: the data to use and the nodes for line numbers."""
    return safe_load(text), compose(text)


def error_position(exc: yaml.YAMLError) -> tuple[int, int]:
    """1-based (line, column) of a YAML syntax error, (1, 1) when PyYAML gives none."""
    mark = getattr(exc, "problem_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)
