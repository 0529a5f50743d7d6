"""MkDocs feature (registered LAST in plugin.FEATURES): after every language and every
other post-build step has written its pages, Material's stylesheet is cut down to what
the pages use (css_subset), then it and the site's small stylesheets and scripts are
joined into one stylesheet and one script with content-hashed names (bundle)."""
from __future__ import annotations

import logging
from pathlib import Path

from bdhvs.theme import bundle, css_subset

log = logging.getLogger("mkdocs.plugins.bdhvs")


class ThemeCss:
    def __init__(self, plugin):
        self.plugin = plugin

    def post_build(self, config):
        site_dir = Path(config.site_dir)
        result = css_subset.apply(site_dir)
        if result is not None:
            target, before, after = result
            log.info("Giao diện: chỉ giữ phần CSS của Material mà các trang dùng (%s: %s → %s byte).",
                     target.name, f"{before:,}", f"{after:,}")
        css, js = bundle.apply(site_dir)
        log.info("Giao diện: mỗi trang tải một tệp CSS (%s, %s byte) và một tệp JS (%s, %s byte).",
                 css.name, f"{css.stat().st_size:,}", js.name, f"{js.stat().st_size:,}")
