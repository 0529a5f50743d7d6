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
"""
from __future__ import annotations

import re

CONTENT_ID = "bdhvs-noi-dung"
SKIP_LABEL = "Bỏ qua, đến nội dung chính"

SKIP_BLOCK = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)
CONTENT_ARTICLE = '<article class="md-content__inner md-typeset">'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')


def add_skip_link(html: str) -> str:
    """Give the page one skip link, to its content."""
    if not SKIP_BLOCK.search(html) or CONTENT_ARTICLE not in html:
        return html
    html = html.replace(CONTENT_ARTICLE, CONTENT_ARTICLE[:-1] + f' id="{CONTENT_ID}" tabindex="-1">', 1)
    link = f'<a href="#{CONTENT_ID}" class="md-skip" lang="vi">{SKIP_LABEL}</a>'
    return SKIP_BLOCK.sub(lambda m: m.group(1) + link + m.group(2), html, count=1)


def drop_invalid_attributes(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return EMPTY_TABINDEX.sub(r"\1", html)


def repair(html: str) -> str:
    return drop_invalid_attributes(add_skip_link(html))
