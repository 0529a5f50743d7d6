"""MkDocs feature (registered in plugin.FEATURES): repairs the theme's HTML on every page."""
from __future__ import annotations

from pathlib import Path

from bdhvs.reading import html_fixes


class Reading:
    def __init__(self, plugin):
        self.plugin = plugin

    def on_post_page(self, output, page, config):
        return html_fixes.repair(output)

    def post_build(self, config):
        # 404.html is a theme template, not a page: on_post_page never sees it.
        for path in Path(config.site_dir).glob("**/404.html"):
            html = path.read_text(encoding="utf-8")
            fixed = html_fixes.repair(html)
            if fixed != html:
                path.write_text(fixed, encoding="utf-8")
