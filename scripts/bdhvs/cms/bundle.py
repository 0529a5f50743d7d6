"""The self-hosted Decap CMS bundle: where `npm ci` in tools/cms/ puts it, which files the
browser needs, and the pinned version (tools/cms/package.json). Nothing is loaded from a CDN."""
from __future__ import annotations

import json
from pathlib import Path

from bdhvs.audit import node_tools

TOOLS_DIR = node_tools.CMS.folder
NODE_MODULES = node_tools.CMS.node_modules
PACKAGE = "decap-cms"
MAIN = "decap-cms.js"
PROXY_PACKAGE = "decap-server"
# The YAML reader of the editor's front-matter format (admin.js): one UMD file, pinned in
# tools/cms/package.json (the same version Decap's own gray-matter uses).
YAML_PACKAGE = "js-yaml"


def dist_dir(node_modules: Path | None = None) -> Path:
    return (node_modules or NODE_MODULES) / PACKAGE / "dist"


def pinned_version(package: str = PACKAGE) -> str:
    data = json.loads((TOOLS_DIR / "package.json").read_text(encoding="utf-8"))
    return data["devDependencies"][package]


def installed_version(node_modules: Path | None = None, package: str = PACKAGE) -> str | None:
    manifest = (node_modules or NODE_MODULES) / package / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def files(node_modules: Path | None = None) -> list[Path]:
    """The files /admin/ serves: the main script, the chunks it loads on demand (named
    ``<id>.decap-cms.js``) and their WebAssembly. Not the source maps, not the second
    build (``cms.js``) that the package also ships."""
    dist = dist_dir(node_modules)
    main = dist / MAIN
    if not main.is_file():
        return []
    chunks = sorted(p for p in dist.glob("*.decap-cms.js") if p.name != MAIN)
    wasm = sorted(dist.glob("*.wasm"))
    return [main, *chunks, *wasm]


def yaml_reader(node_modules: Path | None = None) -> Path:
    return (node_modules or NODE_MODULES) / YAML_PACKAGE / "dist" / "js-yaml.min.js"


def available(node_modules: Path | None = None) -> bool:
    """True when the pinned version is installed (a different one would not be the tested one)."""
    return (bool(files(node_modules)) and installed_version(node_modules) == pinned_version()
            and yaml_reader(node_modules).is_file())


def proxy_script(node_modules: Path | None = None) -> Path:
    return (node_modules or NODE_MODULES) / PROXY_PACKAGE / "dist" / "index.js"
