"""MkDocs feature (registered in plugin.FEATURES): repairs the theme's HTML on every page
and makes confirmed hotlines tappable (hotlines.py)."""
from __future__ import annotations

from pathlib import Path

from bdhvs import settings
from bdhvs.i18n import alternate_links
from bdhvs.reading import hotlines, html_fixes

HOTLINES_FILE = "hotlines.yml"


class Reading:
    def __init__(self, plugin):
        self.plugin = plugin
        self.phones = hotlines.Linker([])

    def on_config(self, config):
        self.phones = hotlines.Linker(hotlines.load(settings.DATA_DIR / HOTLINES_FILE))
        return config

    def on_page_content(self, html, page, config, files):
        return self.phones.apply(html)

    def on_post_page(self, output, page, config):
        return html_fixes.repair(output)

    def post_build(self, config):
        # 404.html is a theme template, not a page: on_post_page never sees it.
        for path in Path(config.site_dir).glob("**/404.html"):
            html = path.read_text(encoding="utf-8")
            # ...nor does the plugin's on_post_page: drop the head hreflang links here too.
            fixed = html_fixes.repair(alternate_links.strip_head_alternates(html))
            if fixed != html:
                path.write_text(fixed, encoding="utf-8")
