"""Keep hreflang alternates out of the page <head>.

Material 9.7+ ("stay on page when switching languages") fetches ``sitemap.xml``
relative to every ``<link rel="alternate" hreflang>`` in the head, on EVERY page load
(``integrations/alternate`` in Material's bundle). With mkdocs-static-i18n these links
are page-specific (``/ede/huong-dan/x/``), so each page view costs two requests that
404 and download the whole 404 page; even at the language roots it would download a
sitemap that grows with the site, on 3G, for nothing.

We do not need that feature: i18n already points the language switcher at the same
page in the other language. The hreflang relations stay available to search engines
in i18n's ``sitemap.xml`` (xhtml:link alternates) and on the switcher's links.
tests/browser/test_privacy.py asserts no page load requests a sitemap.
"""
from __future__ import annotations

import re

_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def strip_head_alternates(html: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return _HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:]
