"""MkDocs feature (registered LAST in plugin.FEATURES): after every language and every
other post-build step has written its pages, Material's stylesheet is cut down to what
the pages use (css_subset)."""
from __future__ import annotations

import logging
from pathlib import Path

from bdhvs.theme import css_subset

log = logging.getLogger("mkdocs.plugins.bdhvs")


class ThemeCss:
    def __init__(self, plugin):
        self.plugin = plugin

    def post_build(self, config):
        result = css_subset.apply(Path(config.site_dir))
        if result is not None:
            target, before, after = result
            log.info("Giao diện: chỉ giữ phần CSS của Material mà các trang dùng (%s: %s → %s byte).",
                     target.name, f"{before:,}", f"{after:,}")
