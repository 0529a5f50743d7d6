"""Render a page body to HTML with the project's own Markdown extensions (mkdocs.yml), so
``bdhvs check`` judges what the build will publish, not a regex's idea of Markdown: inline
code, escapes, comments and attribute lists are read by Python-Markdown itself.

Snippet includes are not rendered here (editors' ``--8<--`` lines are refused and
neutralised, see urls.snippets; the glossary file the build appends only adds <abbr>).
"""
from __future__ import annotations

import threading
from pathlib import Path

import markdown

# MkDocs always adds these (mkdocs.config.config_options.MarkdownExtensions builtins).
BUILTINS = ["toc", "tables", "fenced_code"]
SKIPPED = {"pymdownx.snippets"}
FALLBACK = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
            "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]

_CACHE: dict[tuple, markdown.Markdown] = {}
_LOCK = threading.Lock()


def _extensions(config_file: Path) -> tuple[list[str], dict]:
    """Extension names and settings from mkdocs.yml (the fallback list if it cannot be read)."""
    try:
        from mkdocs.utils.yaml import get_yaml_loader, yaml_load

        with open(config_file, encoding="utf-8-sig") as handle:
            config = yaml_load(handle, loader=get_yaml_loader()) or {}
        items = config.get("markdown_extensions") or []
    except Exception:  # noqa: BLE001 - an unreadable mkdocs.yml is the build's error to report
        items = FALLBACK
    names, configs = list(BUILTINS), {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and len(item) == 1:
            (name, settings), = item.items()
            configs[name] = settings if isinstance(settings, dict) else {}
        elif isinstance(item, str):
            name = item
        else:
            continue
        if name not in names:
            names.append(name)
    names = [n for n in names if n not in SKIPPED]
    return names, {k: v for k, v in configs.items() if k in names}


def _converter(root: Path) -> markdown.Markdown:
    config_file = root / "mkdocs.yml"
    try:
        stamp = config_file.stat().st_mtime_ns
    except OSError:
        stamp = 0
    key = (str(root), stamp)
    if key not in _CACHE:
        names, configs = _extensions(config_file)
        try:
            md = markdown.Markdown(extensions=names, extension_configs=configs)
        except Exception:  # noqa: BLE001 - a broken extension setting: render with the usual set
            md = markdown.Markdown(extensions=FALLBACK)
        _CACHE.clear()
        _CACHE[key] = md
    return _CACHE[key]


def render(body: str, root: Path) -> str:
    """HTML of a Markdown body as the build renders it (before the site's own features)."""
    with _LOCK:
        md = _converter(root)
        md.reset()
        try:
            return md.convert(body)
        except Exception:  # noqa: BLE001 - Markdown never crashes a check; the build reports its own error
            return ""
