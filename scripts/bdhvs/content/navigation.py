"""The site navigation (``nav:`` in mkdocs.yml), completed with guides nobody listed yet.

mkdocs.yml lists the topics and the guides in teaching order. A guide that is not
listed there is appended to the topic that already holds guides of the same
``platform`` (or to the "Hướng dẫn" section), so a new guide is never missing from the
navigation, the home page or the listings. Plain functions over the config structure.
"""
from __future__ import annotations

import copy
from typing import Any

from bdhvs.content.guides import TOPIC_PAGE, Guide

NavItem = Any  # str | {title: str | list[NavItem]}


def paths(nav: list[NavItem] | None) -> list[str]:
    """Every page path in the navigation, in reading order."""
    out: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    out.append(value)
                elif isinstance(value, list):
                    out += paths(value)
    return out


def _sections(nav: list[NavItem]):
    """Yield every section's child list, depth first."""
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    yield value
                    yield from _sections(value)


def _direct_paths(children: list[NavItem]) -> list[str]:
    out = []
    for item in children:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            out += [v for v in item.values() if isinstance(v, str)]
    return out


def complete(nav: list[NavItem] | None, guides: list[Guide]) -> tuple[list[NavItem] | None, list[Guide]]:
    """Return (navigation with every guide in it, guides that were added)."""
    if not nav:  # no nav: MkDocs lists every page itself
        return nav, []
    nav = copy.deepcopy(nav)
    listed = set(paths(nav))
    by_src = {g.src: g for g in guides}
    added = []
    for guide in guides:
        if guide.src in listed:
            continue
        target = None
        for children in _sections(nav):
            platforms = {by_src[p].platform for p in _direct_paths(children) if p in by_src}
            if guide.platform in platforms:
                target = children
                break
        if target is None:
            target = next((c for c in _sections(nav) if TOPIC_PAGE in _direct_paths(c)), nav)
        target.append(guide.src)
        listed.add(guide.src)
        added.append(guide)
    return nav, added


def missing_pages(nav: list[NavItem] | None, lang_dir) -> list[str]:
    """Navigation entries (Markdown paths) with no file in the language folder."""
    return [p for p in paths(nav) if p.endswith(".md") and "://" not in p and not (lang_dir / p).is_file()]


# A guide's menu (navigation.prune) shows its own topic's guides. At 1,000 guides a topic
# holds hundreds, which would be repeated on each of its pages (issue 24: 71 kB per page):
# past this many, the menu shows this many guides around the open one and a link to the
# topic's full list, so a page weighs the same at 50 guides or 5,000.
MENU_LIMIT = 20


def window(children: list, current, limit: int = MENU_LIMIT) -> list:
    """``limit`` items of ``children`` around ``current`` (kept in order)."""
    if len(children) <= limit:
        return list(children)
    at = children.index(current) if current in children else 0
    start = max(0, min(at - limit // 2, len(children) - limit))
    return list(children[start:start + limit])


def menu_for(nav, page, more_title: str, more_url: str, limit: int = MENU_LIMIT):
    """The navigation to render for ``page``: ``nav`` itself, or, when the page's section
    holds more than ``limit`` items, a copy where that section shows ``window()`` of them
    followed by a link to ``more_url`` (its full list). Nothing of ``nav`` is changed."""
    from mkdocs.structure.nav import Link, Navigation

    section = getattr(page, "parent", None)
    if section is None or len(section.children) <= limit:
        return nav
    chain = []  # the page's ancestors, nearest first
    while section is not None:
        chain.append(section)
        section = section.parent
    replaced = {}
    child, child_copy = page, page
    for ancestor in chain:
        twin = copy.copy(ancestor)  # same title, active state and parent
        if ancestor is chain[0]:
            more = Link(more_title, more_url)
            more.parent = twin
            twin.children = window(ancestor.children, page, limit) + [more]
        else:
            twin.children = [child_copy if item is child else item for item in ancestor.children]
        replaced[id(ancestor)] = twin
        child, child_copy = ancestor, twin
    items = [replaced.get(id(item), item) for item in nav.items]
    return Navigation(items, nav.pages)
