"""Building the two sites the benchmark compares, and timing the builds.

- ours: the repository's mkdocs.yml (both languages, every plugin, search index...), as
  `make site` builds it, only pointed at another docs folder when needed;
- plain Material: Material for MkDocs with its DEFAULT theme settings (Google Fonts,
  built-in search, palette, bundle.js) and the same Markdown extensions, built once per
  language like mkdocs-static-i18n does (Vietnamese at /, Ede at /ede/ = the Ede pages
  over the Vietnamese ones).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

from bdhvs import settings


class BuildFailed(RuntimeError):
    pass


@dataclass
class Built:
    site: Path
    seconds: float


def _run_mkdocs(config: Path, site_dir: Path, *, strict: bool = False, cache_dir: Path | None = None) -> float:
    env = dict(os.environ, SITE_DIR=str(site_dir), NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    if cache_dir is not None:
        env["BDHVS_CACHE_DIR"] = str(cache_dir)  # our build caches (images, QR codes, templates)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=settings.ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise BuildFailed(f"Dựng trang không thành công ({config}):\n{tail}")
    return seconds


def build_ours(work: Path, docs_dir: Path | None = None, name: str = "ours", *,
               cache_dir: Path | None = None, edit_config=None) -> Built:
    """Our site; with ``docs_dir`` a copy of mkdocs.yml points at that folder; with
    ``cache_dir`` the build caches live there (an empty folder = a fresh clone's build);
    ``edit_config(text) -> text`` changes that copy further (e.g. one language only)."""
    config = settings.ROOT / "mkdocs.yml"
    strict = docs_dir is None
    if docs_dir is not None:
        text = config.read_text(encoding="utf-8")
        lines = []
        for line in text.splitlines():
            if line.startswith("docs_dir:"):
                line = f"docs_dir: {docs_dir}"
            elif line.strip().startswith("custom_dir:"):
                line = line.split("custom_dir:")[0] + f"custom_dir: {settings.OVERRIDES_DIR}"
            elif line.startswith("strict:"):
                line = "strict: false"
            lines.append(line)
        text = "\n".join(lines) + "\n"
        config = work / f"mkdocs-{name}.yml"
        config.write_text(edit_config(text) if edit_config else text, encoding="utf-8")
    site = work / f"site-{name}"
    return Built(site, _run_mkdocs(config, site, strict=strict, cache_dir=cache_dir))


def plain_config(docs_dir: Path) -> dict:
    """Plain Material: default theme settings, the same Markdown extensions as ours (minus
    our Vietnamese slug function: Material's default slugs), Material's search plugin."""
    ours = yaml_load((settings.ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = []
    for ext in ours.get("markdown_extensions", []):
        if isinstance(ext, dict) and "toc" in ext:
            ext = {"toc": {k: v for k, v in ext["toc"].items() if k != "slugify"}}
        extensions.append(ext)
    return {"site_name": ours["site_name"], "docs_dir": str(docs_dir), "theme": {"name": "material"},
            "plugins": ["search"], "markdown_extensions": extensions}


def _ede_docs(docs_root: Path, work: Path) -> Path:
    """What mkdocs-static-i18n builds for /ede/: Ede pages over the Vietnamese ones."""
    target = work / "plain-docs-ede"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(docs_root / "vi", target)
    if (docs_root / "ede").is_dir():
        shutil.copytree(docs_root / "ede", target, dirs_exist_ok=True)
    return target


def build_plain(work: Path, docs_root: Path | None = None, name: str = "plain") -> Built:
    docs_root = docs_root or settings.DOCS_DIR
    site = work / f"site-{name}"
    seconds = 0.0
    for lang, docs_dir, dest in (("vi", docs_root / "vi", site), ("ede", _ede_docs(docs_root, work), site / "ede")):
        config = work / f"mkdocs-{name}-{lang}.yml"
        config.write_text(yaml.safe_dump(plain_config(docs_dir), allow_unicode=True, sort_keys=False), encoding="utf-8")
        seconds += _run_mkdocs(config, dest)  # --clean empties only dest: site/ede/ keeps site/
    return Built(site, seconds)
