"""The project's MkDocs plugin: thin glue between MkDocs events and the modules.

Listed FIRST in mkdocs.yml so that importing it applies the i18n locale shim before
mkdocs-static-i18n validates its configuration. Event priorities place each step
relative to i18n (which runs its own events at 50 and -100).

Each feature (media, video, search, handouts...) is a small class in its own package
with methods named after the MkDocs events it needs (``on_page_markdown(markdown, page,
config, files)``, ``on_page_content(html, page, config, files)``, ``on_post_page(output,
page, config)``, ``on_env(env, config, files)``, ``on_nav``, ``on_files``, ``on_config``,
``on_page_context``) plus ``post_build(config)`` for site-wide work that runs ONCE,
after every language is built. Register it in FEATURES below.
"""
from __future__ import annotations

import importlib
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from bdhvs.i18n import locale_shim  # noqa: F401  (side effect: the one i18n patch)
from bdhvs import jinja_cache, settings
from bdhvs.i18n import alternate_links, sitemap
from bdhvs.publish import escaping

log = logging.getLogger("mkdocs.plugins.bdhvs")

# "module:Class" of each feature, in the order they run.
FEATURES: list[str] = [
    "bdhvs.publish.feature:PublishFeature",  # first: refused files leave before anything reads them
    "bdhvs.inputs.feature:Gate",  # FIRST: every page and data file enters through the gate
    "bdhvs.urls.feature:UrlPolicy",  # then: judges the page's own HTML before features add theirs
    "bdhvs.i18n.feature:Translations",
    "bdhvs.reading.feature:Reading",
    "bdhvs.content.feature:GuidesFeature",
    "bdhvs.classroom.feature:Classroom",
    "bdhvs.search.feature:Search",
    "bdhvs.media.feature:MediaFeature",
    "bdhvs.deploy.feature:ServerFiles",
    "bdhvs.cms.feature:AdminEditor",
    "bdhvs.contrib.feature:Contributions",
    "bdhvs.theme.feature:ThemeCss",  # LAST: reads every page the others wrote
]


class Switch(c.Type):
    """An on/off option that also takes what people type in an environment variable:
    `BDHVS_PREVIEW=1`, `=true`, `=yes` (on) and `=0`, `=false`, `=no` (off). MkDocs' !ENV
    parses `1` as the integer 1, which `Type(bool)` rejects."""

    ON = {"1", "true", "yes", "on", "có"}
    OFF = {"0", "false", "no", "off", "không", ""}

    def __init__(self, default: bool = False):
        super().__init__(bool, default=default)

    def run_validation(self, value):
        word = str(value).strip().lower()
        if word in self.ON:
            return True
        if word in self.OFF:
            return False
        raise c.ValidationError(f"Giá trị “{value}” không hiểu được: viết 1 (bật) hoặc 0 (tắt).")


class BdhvsConfig(Config):
    # Preview build: drafts (unreviewed Ede pages) are built too. Off for the public
    # site; `BDHVS_PREVIEW=1 mkdocs build` or `bdhvs preview` turns it on.
    preview = Switch(default=False)
    # Run the site-wide steps after the last language is built (search index...).
    post_build_steps = c.Type(bool, default=True)


class BdhvsPlugin(BasePlugin[BdhvsConfig]):
    def __init__(self):
        super().__init__()
        self.features = []
        self.reported: set = set()  # findings printed in this build (each once: two languages)

    def _dispatch(self, event: str, value, *args):
        for feature in self.features:
            handler = getattr(feature, event, None)
            if handler is not None:
                result = handler(value, *args)
                if result is not None:
                    value = result
        return value

    def _is_nested_language_build(self, config) -> bool:
        i18n = config.plugins.get("i18n")
        return bool(i18n and getattr(i18n, "building", False))

    def on_config(self, config):
        if not self.features:
            self.features = [_load(spec)(self) for spec in FEATURES]
            self._gate = next(f for f in self.features if hasattr(f, "set_meta"))
        return self._dispatch("on_config", config)

    def on_files(self, files, config):
        return self._dispatch("on_files", files, config)

    def on_nav(self, nav, config, files):
        return self._dispatch("on_nav", nav, config, files)

    def on_env(self, env, config, files):
        escaping.configure(env)  # before the cache: compiled templates differ with autoescape
        escaping.mark_config(config)
        env.globals["bdhvs_languages"] = settings.LANGUAGES
        env.filters["bcp47"] = settings.bcp47
        jinja_cache.attach(env)
        return self._dispatch("on_env", env, config, files)

    def on_page_read_source(self, page, config):
        # The gate (bdhvs.inputs) decodes every page; MkDocs never reads the file itself.
        for feature in self.features:
            handler = getattr(feature, "on_page_read_source", None)
            if handler is not None:
                source = handler(page, config)
                if source is not None:
                    return source
        return None

    def on_page_markdown(self, markdown, page, config, files):
        self._gate.set_meta(page)  # page.meta from the gate's record (parsed once)
        return self._dispatch("on_page_markdown", markdown, page, config, files)

    def on_page_content(self, html, page, config, files):
        return self._dispatch("on_page_content", html, page, config, files)

    @event_priority(-50)  # after i18n (50) has pointed the switcher at this page's twin
    def on_page_context(self, context, page, config, nav):
        # i18n stores the per-page list as an attribute (config.extra.alternate = ...).
        for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
            # Material writes alt.lang into hreflang: use BCP 47 tags (ede -> rad).
            alternate["lang"] = settings.bcp47(alternate["lang"])
            # i18n leaves language-root links absolute ("/ede/"), which breaks when the
            # site is published under a sub-path; make them site-relative for `| url`.
            link = alternate.get("link", "")
            if link.startswith("/"):
                # Under a sub-path site_url they also carry that path ("/sub/ede/"): drop it.
                root = urlsplit(config.site_url or "").path or "/"
                if link.startswith(root):
                    link = "/" + link[len(root):]
                alternate["link"] = link.lstrip("/") or "./"
        file_locale = context.get("i18n_file_locale")
        page_locale = context.get("i18n_page_locale")
        context["bdhvs_fallback"] = bool(file_locale and page_locale and file_locale != page_locale)
        context["bdhvs_content_lang"] = settings.bcp47(file_locale or settings.DEFAULT_LANGUAGE)
        context["bdhvs_page_locale"] = page_locale or settings.DEFAULT_LANGUAGE
        context = self._dispatch("on_page_context", context, page, config, nav)
        escaping.mark_page(page)  # the build's own HTML; every other string is escaped
        return context

    def on_post_page(self, output, page, config):
        output = alternate_links.strip_head_alternates(output)
        return self._dispatch("on_post_page", output, page, config)

    def on_build_error(self, error):
        self._dispatch("on_build_error", error)

    @event_priority(-200)  # after i18n's on_post_build (-100) has built every language
    def on_post_build(self, config):
        if self._is_nested_language_build(config) or not self.config.post_build_steps:
            return
        sitemap.fix_hreflang(Path(config.site_dir))
        for feature in self.features:
            step = getattr(feature, "post_build", None)
            if step is not None:
                step(config)


def _load(spec: str):
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)
