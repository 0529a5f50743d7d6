"""The project's MkDocs plugin: thin glue between MkDocs events and the modules.

Listed FIRST in mkdocs.yml so that importing it applies the i18n locale shim before
mkdocs-static-i18n validates its configuration. Event priorities place each step
relative to i18n (which runs its own events at 50 and -100).
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from bdhvs.i18n import locale_shim  # noqa: F401  (side effect: the one i18n patch)
from bdhvs import settings
from bdhvs.i18n import alternate_links

log = logging.getLogger("mkdocs.plugins.bdhvs")


class BdhvsConfig(Config):
    # Build drafts too (Ede pages nobody reviewed, draft guides stay visible).
    # Off for the public site; `bdhvs preview` / BDHVS_PREVIEW=1 turns it on.
    preview = c.Type(bool, default=False)
    # Run the site-wide steps after the last language is built (search index...).
    post_build_steps = c.Type(bool, default=True)


class BdhvsPlugin(BasePlugin[BdhvsConfig]):
    def _i18n(self, config):
        return config.plugins.get("i18n")

    def _is_nested_language_build(self, config) -> bool:
        i18n = self._i18n(config)
        return bool(i18n and getattr(i18n, "building", False))

    # ----- templates --------------------------------------------------------------
    def on_env(self, env, config, files):
        env.globals["bdhvs_languages"] = settings.LANGUAGES
        env.filters["bcp47"] = settings.bcp47
        return env

    @event_priority(-50)  # after i18n (50) has pointed the switcher at this page's twin
    def on_page_context(self, context, page, config, nav):
        # Material writes alt.lang into hreflang: use BCP 47 tags (ede -> rad).
        # i18n stores the per-page list as an attribute (config.extra.alternate = ...).
        for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
            alternate["lang"] = settings.bcp47(alternate["lang"])
            # i18n leaves language-root links absolute ("/ede/"), which breaks when the
            # site is published under a sub-path; make them site-relative for `| url`.
            link = alternate.get("link", "")
            if link.startswith("/"):
                alternate["link"] = link.lstrip("/") or "./"
        file_locale = context.get("i18n_file_locale")
        page_locale = context.get("i18n_page_locale")
        context["bdhvs_fallback"] = bool(file_locale and page_locale and file_locale != page_locale)
        context["bdhvs_content_lang"] = settings.bcp47(file_locale or settings.DEFAULT_LANGUAGE)
        return context

    def on_post_page(self, output, page, config):
        return alternate_links.strip_head_alternates(output)

    # ----- after all languages are built --------------------------------------------
    @event_priority(-200)  # after i18n's on_post_build (-100) has built every language
    def on_post_build(self, config):
        if self._is_nested_language_build(config) or not self.config.post_build_steps:
            return
        for step in _post_build_steps():
            step(config)


def _post_build_steps():
    """Site-wide steps, in order. Each takes the MkDocs config."""
    from bdhvs.i18n import sitemap

    return [
        lambda config: sitemap.fix_hreflang(Path(config.site_dir)),
    ]
