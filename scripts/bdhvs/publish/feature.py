"""Publish feature: what reaches site/, and HTML in front matter.

- on_files: every file MkDocs found under docs/ is judged by :mod:`allowlist`; a refused
  file (symbolic link, raw HTML/SVG/JS, installer, image outside a guide's media folder…)
  is removed BEFORE anything reads or copies it, and reported at the file.
- on_page_markdown: FM-HTML (checks/htmlsafety.check_front_matter) and the privacy rules
  (checks/privacy.py: ID numbers, phones, e-mails) at their lines, as `bdhvs check` reports
  them. The theme escapes front-matter strings anyway (publish/escaping.py).
- on_files also runs the image privacy checks on guide screenshots (EXIF/GPS, redaction
  boxes that still hold pixels), extensions in any case (BUOC-2.PNG).

Findings are printed as ``Finding.human()`` (path relative to the project, line, code,
Vietnamese message) through MkDocs' logger as warnings: `mkdocs build --strict` fails,
and a non-strict `mkdocs serve` still publishes nothing refused.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from bdhvs.findings import ERROR, Finding
from bdhvs.publish import allowlist

log = logging.getLogger("mkdocs.plugins.bdhvs.publish")


def report(findings: list[Finding], seen: set) -> None:
    """Print each finding once per build (the Ede build meets the same files again)."""
    for item in sorted(findings):
        if item not in seen:
            seen.add(item)
            log.warning(item.human())


def project_root(config) -> Path:
    return Path(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")))


class PublishFeature:
    def __init__(self, plugin):
        self.plugin = plugin

    @property
    def reported(self) -> set:
        return self.plugin.reported

    def on_config(self, config):
        self.plugin.reported.clear()
        # MkDocs walks docs/ FOLLOWING folder links, before any plugin sees the files: a
        # link to / or /proc/self would make it read the whole machine (or loop forever).
        # Such a link stops the build here, at its path, before the walk.
        linked = allowlist.linked_folders(Path(config.docs_dir), project_root(config))
        if linked:
            raise PluginError("\n".join(f.human() for f in linked))
        return config

    def on_files(self, files, config):
        docs_dir = Path(config.docs_dir)
        docs_abs = os.path.abspath(docs_dir)
        root = project_root(config)
        found = []
        for file in list(files):
            source = file.abs_src_path
            if not source or getattr(file, "generated_by", None):
                continue
            if os.path.commonpath([os.path.abspath(source), docs_abs]) != docs_abs:
                continue  # theme files (overrides/, Material), generated files
            v = allowlist.judge(Path(source), docs_dir)
            if v.published:
                continue
            files.remove(file)
            if file.inclusion.is_excluded():
                continue  # MkDocs would not publish it either (dot files, exclude_docs)
            found.append(allowlist.as_finding(v, allowlist._relative(Path(source), root)))
        report(found + self._image_privacy(files, docs_dir, root) + self._data_privacy(docs_dir, root), self.reported)
        return files

    def _data_privacy(self, docs_dir: Path, root: Path) -> list[Finding]:
        """The privacy rules of `bdhvs check` for the data files whose text the site shows
        (glossary definitions in every page's tooltips, videos, home buttons, safety blocks):
        a personal number there stops the build like one in a page."""
        folder = root / "data"
        if not folder.is_dir() or folder.is_symlink():
            return []
        out: list[Finding] = []
        for path in sorted([*folder.glob("*.yml"), *folder.glob("safety/*.md")]):
            # links are refused by the data reader (PUB-SYMLINK); hotlines.yml IS the list of numbers
            if not path.is_symlink() and path.name != "hotlines.yml":
                out += self._text_privacy(path, docs_dir, root)
        return out

    def _image_privacy(self, files, docs_dir: Path, root: Path) -> list[Finding]:
        from bdhvs.checks import privacy, redaction
        from bdhvs.inputs import images

        out: list[Finding] = []
        for file in files:
            source = file.abs_src_path
            if not source or getattr(file, "generated_by", None):
                continue
            path = Path(source)
            ext = path.suffix.lower()
            if ext in {".vtt", ".txt"} and file.src_uri.startswith(allowlist.MEDIA_ROOT + "/"):
                out += self._text_privacy(path, docs_dir, root)  # captions are published, transcripts shown
                continue
            if ext not in allowlist.SOURCE_IMAGE_EXTS | {".yml", ".yaml"} or not file.src_uri.startswith(allowlist.MEDIA_ROOT + "/"):
                continue
            if ext in allowlist.SOURCE_IMAGE_EXTS:
                if images.limits(path, root=root):
                    continue  # too big or broken: nothing may decode it (the media catalog reports it)
                out += privacy.check_image(path, root)
            out += redaction.check(path, docs_dir, root)
        return out

    def _text_privacy(self, path: Path, docs_dir: Path, root: Path) -> list[Finding]:
        """The privacy rules of `bdhvs check` for a caption or transcript beside a guide's media."""
        from bdhvs.checks import privacy
        from bdhvs.checks.source import load

        doc, _problems = load(path, root=root, docs_dir=docs_dir)
        return privacy.check(doc, self._data_at(root)) if doc is not None else []

    def _data_at(self, root: Path):
        from bdhvs import settings
        from bdhvs.checks import data as data_mod

        folder = root / "data"
        folder = folder if folder.is_dir() else settings.DATA_DIR
        if getattr(self, "_data_for", None) != folder:
            self._data_for, self._loaded = folder, data_mod.load(folder)
        return self._loaded

    def _data(self, config):
        return self._data_at(project_root(config))

    def on_env(self, env, config, files):
        """MkDocs calls this after reading every page and BEFORE writing any file: a privacy
        error found above (an ID number, a phone, an e-mail, a screenshot with metadata or
        unredacted boxes) stops the build here, so no file of site/ carries it."""
        blocking = sorted(f for f in self.reported if f.code.startswith("PRIV-") and f.severity == ERROR)
        if blocking:
            raise PluginError(
                f"{blocking[0].file}:{blocking[0].line}:{blocking[0].col}  {blocking[0].code}  Dừng dựng trang trước khi "
                f"ghi tệp nào: {len(blocking)} lỗi riêng tư (xem các dòng ở trên). Sửa rồi dựng lại.")
        return env

    def on_page_markdown(self, markdown, page, config, files):
        from bdhvs.checks import htmlsafety
        from bdhvs.inputs.feature import record_of

        source = page.file.abs_src_path
        if not source:
            return markdown
        doc = record_of(source, config).doc  # decoded by the gate's reader (legacy encodings too)
        if doc is not None:
            from bdhvs.checks import privacy

            found = htmlsafety.check_front_matter(doc)
            if doc.kind == "page":
                found += privacy.check(doc, self._data(config))
            report(found, self.reported)
        return markdown
