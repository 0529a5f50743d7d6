"""Escape by construction: every string that reaches a theme template is escaped where it
is printed, unless it is HTML the build itself made.

MkDocs creates its Jinja environment WITHOUT autoescape, and Material prints
``page.title``, ``page.meta.description``, navigation titles… as they are: a front-matter
title ``<script src=…>`` would run on every page. With ``autoescape`` on, each ``{{ … }}``
is escaped unless the value is :class:`markupsafe.Markup`. Only HTML made by the build is
marked so (:func:`mark_page`): the page body (Markdown output), its table of contents
(Markdown's escaped heading text), the site's own copyright line from mkdocs.yml. Editor
strings are never marked safe.
"""
from __future__ import annotations

import html

import jinja2
from markupsafe import Markup


def configure(env: jinja2.Environment) -> jinja2.Environment:
    """Turn autoescape on for every template of the theme (Material's and overrides/)."""
    env.autoescape = True
    return env


def mark_config(config) -> None:
    """The copyright line is HTML written by the project in mkdocs.yml, not by editors."""
    if config.get("copyright") and not isinstance(config["copyright"], Markup):
        config["copyright"] = Markup(config["copyright"])


def _mark_toc(items) -> None:
    for item in items or []:
        # Python-Markdown's toc token "name": heading HTML with tags stripped and text
        # still escaped (&lt; &amp;), i.e. already safe HTML text.
        if isinstance(getattr(item, "title", None), str) and not isinstance(item.title, Markup):
            item.title = Markup(item.title)
        _mark_toc(getattr(item, "children", None))


def mark_page(page) -> None:
    """Mark the HTML the build made for ``page`` (its body and table of contents)."""
    if isinstance(page.content, str) and not isinstance(page.content, Markup):
        page.content = Markup(page.content)
    _mark_toc(getattr(page, "toc", None))


_MD_SPECIAL = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "`": "\\`"})


def md_text(value) -> str:
    """An editor's string (front matter, data/*.yml) placed into Markdown the build writes
    (listings, glossary, official addresses): HTML characters become entities, so a
    ``<script>`` or ``<img onerror>`` stays text; brackets and backticks are escaped, so
    no link or code span appears. **Bold** stays Markdown (the secrets card uses it)."""
    text = html.escape(str(value if value is not None else ""), quote=False)
    return text.translate(_MD_SPECIAL)
