"""Small, exact repairs to HTML that Material for MkDocs 9.8.1 emits.

Each repair targets one literal string of Material's templates (not a general HTML
rewrite), so it is cheap on a 2,000-page site and cannot touch editors' content.
tests/a11y/test_html_fixes.py fails when a pattern no longer occurs in Material's
templates, so a repair made obsolete by an upgrade gets noticed and removed.

- Skip link: Material renders it only when the page has a table of contents, with the
  vague label "Bỏ qua". Every page gets one (WCAG 2.4.1) that says where it goes and
  points at the page content.
- ``autocomplete="off"`` on the drawer/search checkboxes: invalid on checkboxes (Nu Html
  Checker error).
- ``tabindex=""`` on section labels of the navigation: invalid (empty is not an integer).
- ``<label for="__toc">`` on a page that is not in the navigation (no ``__toc`` checkbox):
  a label pointing at nothing (Nu Html Checker error).
- Tables: Material's bundle.js (not loaded, see overrides/main.html) wraps each table in a
  horizontally scrollable box. We do it at build time, and the box takes keyboard focus
  (tabindex="0") so a keyboard user can scroll a wide table (axe
  scrollable-region-focusable); reading.js drops the tab stop where nothing scrolls.
"""
from __future__ import annotations

import re

CONTENT_ID = "bdhvs-noi-dung"
SKIP_LABEL = "Bỏ qua, đến nội dung chính"

SKIP_BLOCK = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)
CONTENT_ARTICLE = '<article class="md-content__inner md-typeset">'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TABLE = re.compile(r'(?<!<div class="md-typeset__table">)<table>.*?</table>', re.S)
TABLE_WRAP = '<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table">{}</div></div>'


def add_skip_link(html: str) -> str:
    """Give the page one skip link, to its content."""
    if not SKIP_BLOCK.search(html) or CONTENT_ARTICLE not in html:
        return html
    html = html.replace(CONTENT_ARTICLE, CONTENT_ARTICLE[:-1] + f' id="{CONTENT_ID}" tabindex="-1">', 1)
    link = f'<a href="#{CONTENT_ID}" class="md-skip" lang="vi">{SKIP_LABEL}</a>'
    return SKIP_BLOCK.sub(lambda m: m.group(1) + link + m.group(2), html, count=1)


def drop_invalid_attributes(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    if TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def wrap_tables(html: str) -> str:
    """Wrap bare content tables (Markdown tables) in a focusable horizontal scroll box."""
    if "<table>" not in html:
        return html
    return TABLE.sub(lambda m: TABLE_WRAP.format(m.group(0)), html)


def repair(html: str) -> str:
    return wrap_tables(drop_invalid_attributes(add_skip_link(html)))
