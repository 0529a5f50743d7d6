"""Build step: the Apache rules travel with the site. `.htaccess` is written into the built
site for its own site_url, so a commune web server running Apache serves the site with the
right headers, MIME types, caching and 404 page as soon as the files are copied (nginx and
GitHub Pages ignore the file)."""
from __future__ import annotations

from pathlib import Path

from bdhvs.deploy import serverconf


class ServerFiles:
    def __init__(self, plugin):
        self.plugin = plugin

    def post_build(self, config):
        site_url = config.site_url or serverconf.DEFAULT_SITE_URL
        Path(config.site_dir, ".htaccess").write_text(serverconf.apache(site_url), encoding="utf-8")
