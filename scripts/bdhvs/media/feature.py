"""MkDocs feature: render guide images into the build, and turn image/video/audio
references into accessible, light, private markup. Thin: the work is in the modules."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import File

from bdhvs import settings
from bdhvs.findings import relative
from bdhvs.inputs import feature as gate
from bdhvs.media import cache as cache_mod, catalog, check, pages, video

log = logging.getLogger("mkdocs.plugins.bdhvs.media")


class MediaFeature:
    def __init__(self, plugin):
        self.plugin = plugin
        self.images: dict[str, catalog.Rendered] = {}
        self.register = None
        self._reported: set[str] = set()

    def _report(self, findings) -> None:
        for finding in findings:
            text = finding.human()
            if text not in self._reported:  # once per build, not once per language
                self._reported.add(text)
                log.warning(text)

    def on_config(self, config):
        self.docs_dir = Path(config.docs_dir)
        self.media_dir = self.docs_dir / catalog.URI_ROOT
        self.root = Path(config.config_file_path).parent if config.config_file_path else settings.ROOT
        self.videos_file = self.root / "data" / "videos.yml"
        self.cache = cache_mod.Cache(settings.CACHE_DIR / "images")
        self.images, self.register = None, None
        self._reported = set()
        self._markdown: dict[str, str] = {}
        return config

    def _prepare(self):
        if self.images is None:
            self.images, findings = catalog.render_all(self.media_dir, self.cache, root=self.root)
            self.register, more = video.load_register(self.videos_file, root=self.root)
            self._report(findings + more + check.check_media(self.media_dir, self.register, root=self.root))

    def on_files(self, files, config):
        self._prepare()
        prefix = catalog.URI_ROOT + "/"
        for file in list(files):
            # Never publish a screenshot source (it may hold unredacted personal data),
            # nor annotation YAML or transcripts (shown in the page).
            if file.src_uri.startswith(prefix) and file.src_uri.lower().endswith(catalog.UNPUBLISHED_EXTS):
                files.remove(file)
        for rendered in self.images.values():
            files.append(File.generated(config, rendered.uri, abs_src_path=str(rendered.entry.path)))
        return files

    def _other_images(self, files) -> dict[str, Path]:
        """Local images that are not guide media (final URLs, after i18n), to size them."""
        if getattr(self, "_other_for", None) is not files:
            self._other_for = files
            self._other = {f.dest_uri: Path(f.abs_src_path) for f in files
                           if f.abs_src_path and f.dest_uri.lower().endswith((".png", ".jpg", ".jpeg", ".webp", ".gif"))
                           and not f.dest_uri.startswith(catalog.URI_ROOT + "/")}
        return self._other

    def on_page_markdown(self, markdown, page, config, files):
        self._prepare()
        self._markdown[page.file.src_uri] = markdown
        return pages.rewrite_markdown(markdown, self.images)

    def on_page_content(self, html, page, config, files):
        ctx = pages.Context(
            page_url=page.url,
            page_file=relative(page.file.abs_src_path, self.root) if page.file.abs_src_path else page.file.src_uri,
            # the page file as the gate read it: findings carry the file's own line numbers
            markdown=(gate.record_of(page.file.abs_src_path, config).text if page.file.abs_src_path
                      else self._markdown.get(page.file.src_uri, "")),
            media_dir=self.media_dir,
            images=self.images,
            register=self.register,
            other_files=self._other_images(files),
        )
        out = pages.process(html, ctx)
        self._report(ctx.findings)
        page.bdhvs_media = any(mark in out for mark in pages.MARKERS)
        return out

    def on_page_context(self, context, page, config, nav):
        # media.css/media.js are loaded only by pages that show guide media.
        context["bdhvs_media"] = getattr(page, "bdhvs_media", False)
        return context
