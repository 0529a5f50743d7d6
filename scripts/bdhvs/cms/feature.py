"""Build step: the browser editor at <site>/admin/.

After every language is built, writes admin/index.html, admin/config.yml (generated
from the content schema, bdhvs.cms.config) and the self-hosted Decap CMS files from
tools/cms/node_modules. No citizen page links to /admin/; it is not a MkDocs page, so it is
in neither the sitemap nor the search index, and it says `noindex`.

Without the bundle (a machine that never ran `npm ci` in tools/cms/) the build still
passes strictly and /admin/ explains in Vietnamese how to get the editor: the bundle is
6.5 MB and is not committed (docs-dev/cms.md).
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from bdhvs.cms import bundle, config, pages

log = logging.getLogger("mkdocs.plugins.bdhvs.cms")

ADMIN_DIR = "admin"
ADMIN_JS = Path(__file__).with_name("admin.js")
BOOT_JS = Path(__file__).with_name("boot.js")
FRONTSTYLE_JS = Path(__file__).with_name("frontstyle.js")


def write_admin(site_dir: Path, site_url: str = "", node_modules: Path | None = None) -> bool:
    """Write /admin/ into ``site_dir``; True when the editor itself (not the notice) was written."""
    admin = Path(site_dir) / ADMIN_DIR
    if admin.exists():
        shutil.rmtree(admin)
    admin.mkdir(parents=True)
    version = bundle.pinned_version()
    if not bundle.available(node_modules):
        (admin / "index.html").write_text(pages.missing_html(version), encoding="utf-8")
        (admin / "admin.css").write_text(pages.MISSING_CSS, encoding="utf-8")
        log.info("bdhvs: /admin/ shows how to install the editor (Decap CMS %s is not in tools/cms/node_modules; "
                 "run `cd tools/cms && npm ci --ignore-scripts`).", version)
        return False
    for path in bundle.files(node_modules):
        _copy(path, admin / path.name)
    (admin / "config.yml").write_text(config.render(config.build(site_url=site_url)),
                                      encoding="utf-8")
    login = bool(os.environ.get(config.OAUTH_ENV))
    (admin / "index.html").write_text(pages.editor_html(bundle.MAIN, version, login=login), encoding="utf-8")
    shutil.copyfile(BOOT_JS, admin / "boot.js")
    (admin / "admin.css").write_text(pages.ADMIN_CSS, encoding="utf-8")
    shutil.copyfile(ADMIN_JS, admin / "admin.js")
    shutil.copyfile(FRONTSTYLE_JS, admin / "frontstyle.js")
    _copy(bundle.yaml_reader(node_modules), admin / "js-yaml.min.js")
    return True


def _copy(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)  # a copy, never a link: nothing done to the site reaches tools/


class AdminEditor:
    def __init__(self, plugin):
        self.plugin = plugin

    def post_build(self, config_):
        write_admin(Path(config_.site_dir), config_.site_url or "")
