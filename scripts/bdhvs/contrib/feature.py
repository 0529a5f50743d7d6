"""Build step for the contributors' phone pages (docs/vi/bien-tap/gop-y-*.md).

A page writes ``<!-- bdhvs:contrib-form kind=review -->`` (or ``kind=feedback``,
``kind=ede``); the marker becomes the form's placeholder (what shows without JavaScript)
and, hidden, the list of guides with their numbered steps, read at build time, which
contrib.js turns into the form. contrib.js is loaded on these pages only.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from bdhvs import settings
from bdhvs.contrib import steps

MARKER = re.compile(r"^<!--\s*bdhvs:contrib-form(?:\s+kind=(?P<kind>[a-z-]+))?\s*-->\s*$", re.M)
KINDS = ("review", "feedback", "ede")
EDITOR_DIR = "bien-tap/"
NO_JS = ("Trang này cần JavaScript và một trình duyệt mới (Chrome, Cốc Cốc, Safari). "
         "Không có gì được gửi đi: gói góp ý nằm trên điện thoại của bạn cho tới khi bạn tự gửi.")


def render(kind: str, guides: list[steps.GuideSteps]) -> str:
    e = html.escape
    items = "".join(
        f'<li data-slug="{e(g.slug)}" data-title="{e(g.title)}"><ol>'
        + "".join(f"<li>{e(s)}</li>" for s in g.steps) + "</ol></li>"
        for g in guides)
    return (f'<div class="bdhvs-contrib" data-bdhvs-contrib="{kind}"><p>{e(NO_JS)}</p></div>\n'
            f'<ul hidden data-bdhvs-contrib-guides>{items}</ul>\n')


class Contributions:
    def __init__(self, plugin):
        self.plugin = plugin

    def on_page_content(self, html, page, config, files):
        # In the rendered HTML (the marker stays an HTML comment through Markdown), after the
        # URL policy has judged what the editor wrote: the form is the build's own markup.
        if "bdhvs:contrib-form" not in html:
            return html
        src = page.file.src_uri.partition("/")[2] if page.file.src_uri.split("/")[0] in settings.LANGUAGES \
            else page.file.src_uri
        lang_dir = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE

        def expand(match):
            kind = match.group("kind")
            if kind not in KINDS or not src.startswith(EDITOR_DIR):
                raise PluginError(
                    f"docs/{page.file.src_uri}: thẻ '{match.group(0).strip()}' chỉ dùng trong trang cho người biên tập "
                    f"(docs/vi/{EDITOR_DIR}) với kind={'|'.join(KINDS)}. Cách sửa: viết đúng, ví dụ "
                    "<!-- bdhvs:contrib-form kind=review -->.")
            page.meta["bdhvs_contrib"] = True
            return render(kind, steps.load_all(lang_dir))

        return MARKER.sub(expand, html)

    def on_page_context(self, context, page, config, nav):
        context["bdhvs_contrib"] = bool(page.meta.get("bdhvs_contrib"))
        return context
