"""Compiled theme templates kept on disk between builds (Jinja's bytecode cache).

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n one more
per language: Material's ~50 templates were compiled from source twice per build. With
the cache the second language, and every later build or `mkdocs serve` reload, loads
them compiled. Jinja keys each entry by template name and source checksum, so an edited
override is compiled again.
"""
from __future__ import annotations

import jinja2

from bdhvs import settings

CACHE_DIR = settings.CACHE_DIR / "jinja"


def attach(env: jinja2.Environment, cache_dir=None) -> bool:
    """Give ``env`` the on-disk cache; False (and no cache) when the folder is not
    writable, e.g. a read-only checkout: the build then compiles as usual."""
    directory = cache_dir or CACHE_DIR
    # Autoescape is compiled into the template code, and Jinja keys entries only by name and
    # source: templates compiled without it must never be loaded into an escaping environment.
    directory = directory / ("autoescape" if env.autoescape else "plain")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    return True
