"""MkDocs feature: write the search index once both languages are built."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from bdhvs.search import writer

log = logging.getLogger("mkdocs.plugins.bdhvs.search")


class Search:
    def __init__(self, plugin):
        self.plugin = plugin

    def post_build(self, config):
        try:
            report = writer.build_search_index(Path(config.site_dir))
        except OSError as exc:
            raise PluginError(f"Không ghi được chỉ mục tìm kiếm vào {config.site_dir}: {exc}") from exc
        for problem in report.problems:
            log.warning("Tìm kiếm: %s (mục này bị bỏ qua).", problem.human())
        summary = ", ".join(f"{lang}: {n}" for lang, n in sorted(report.indexed.items()))
        log.info(
            "Tìm kiếm: đã lập chỉ mục %s trang (%s); %s trang Êđê dùng bản tiếng Việt (không lập chỉ mục lần hai).",
            sum(report.indexed.values()), summary, report.fallbacks,
        )
