"""MkDocs feature (registered in plugin.FEATURES): repairs the theme's HTML on every page."""
from __future__ import annotations

from bdhvs.reading import html_fixes


class Reading:
    def __init__(self, plugin):
        self.plugin = plugin

    def on_post_page(self, output, page, config):
        return html_fixes.repair(output)
