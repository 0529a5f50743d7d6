"""Run every check on a set of paths and collect findings. No printing here: the CLI
(bdhvs.commands.check) formats the result; tests call these functions directly."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bdhvs import settings, yamlfast
from bdhvs.checks import (
    data as data_mod, dateranges, frontmatter, selfreview, htmlsafety, hygiene, links, linksafety, locallinks, mdstyle, names, privacy, prose,
    redaction, sitelinks, spelling,
)
from bdhvs.checks import guidekit
from bdhvs.checks.codes import finding
from bdhvs.checks.source import IMAGE_SUFFIXES, TEXT_SUFFIXES, Document, load
from bdhvs.findings import Finding, relative

SKIP_DIRS = {".git", "__pycache__", "_rendered", "node_modules", ".cache"}


@dataclass
class Options:
    root: Path = settings.ROOT
    docs_dir: Path = settings.DOCS_DIR
    data_dir: Path = settings.DATA_DIR
    style: bool = True  # run pymarkdownlnt
    dictionary: Path | None = None


@dataclass
class Context:
    options: Options
    data: data_mod.ProjectData = field(init=False)
    speller: spelling.Speller = field(init=False)

    def __post_init__(self):
        self.data, self.speller = _load_data(self.options.data_dir, self.options.dictionary)
        self._pages = None

    def pages(self) -> list[tuple[Document, list]]:
        """Every readable Markdown page under docs/ with its links (read once, on demand)."""
        if self._pages is None:
            self._pages = []
            docs = self.options.docs_dir
            for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
                if any(part in SKIP_DIRS or part.startswith(".") for part in path.relative_to(docs).parts):
                    continue
                try:
                    doc, _ = load(path, root=self.options.root, docs_dir=docs)
                except OSError:
                    continue
                if doc is not None:
                    self._pages.append((doc, links.extract(doc)))
        return self._pages


_DATA_CACHE: dict[tuple, tuple] = {}


def _load_data(data_dir: Path, dictionary: Path | None):
    """Data files and the speller, reused while no data file changed (tests call the
    checks many times in one process)."""
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                         for p in data_dir.glob("*") if p.is_file())) if data_dir.is_dir() else ()
    key = (str(data_dir), str(dictionary), stamp)
    if key not in _DATA_CACHE:
        loaded = data_mod.load(data_dir, dictionary)
        _DATA_CACHE.clear()
        _DATA_CACHE[key] = (loaded, spelling.Speller(loaded))
    return _DATA_CACHE[key]


def collect(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    files: list[Path] = []
    problems: list[Finding] = []
    for path in paths:
        if path.is_dir():
            try:
                children = sorted(path.rglob("*"))
            except OSError as exc:  # unreadable folder, symlink loop…
                problems.append(finding(relative(path, settings.ROOT), 1, 1, "FILE-UNREADABLE",
                                        f"Không đọc được thư mục: {exc.strerror or exc}"))
                children = []
            for child in children:
                if any(part in SKIP_DIRS or part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                try:
                    wanted = child.suffix.lower() in TEXT_SUFFIXES | IMAGE_SUFFIXES and (
                        child.is_file() or child.is_symlink())  # a broken link is reported, not skipped
                except OSError:
                    wanted = True  # reported as FILE-UNREADABLE when read
                if wanted:
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(finding(relative(path, settings.ROOT), 1, 1, "FILE-UNREADABLE",
                                    "Không có tệp hoặc thư mục này"))
    return files, problems


def _in_docs(doc: Document, ctx: Context) -> bool:
    try:
        doc.path.resolve().relative_to(ctx.options.docs_dir.resolve())
        return True
    except ValueError:
        return False


def check_document(doc: Document, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    if doc.kind in ("page", "markdown") and _in_docs(doc, ctx):
        out += frontmatter.check(doc)
        out += dateranges.check(doc)
        out += selfreview.check(doc)
        p = prose.analyse(doc)
        hygiene_out = hygiene.check(doc, p, ctx.data)
        out += hygiene_out
        garbled = {f.line for f in hygiene_out if f.code in hygiene.GARBLED_CODES}
        out += spelling.check(doc, p, ctx.data, ctx.speller, garbled)
        found = links.extract(doc)
        out += locallinks.check(doc, found, ctx.options.docs_dir, ctx.options.root)
        out += linksafety.check(doc, found, ctx.data)
        out += htmlsafety.check(doc, found)
        out += privacy.check(doc, ctx.data)
        out += guidekit.check(doc)
        if ctx.options.style:
            out += mdstyle.check(doc)
    else:
        if doc.kind == "yaml":
            try:
                yaml.safe_load(doc.text)
            except yaml.YAMLError as exc:
                line, col, problem = yamlfast.describe_error(exc, doc.text)
                out.append(finding(doc.name, line, col, "DATA-YAML", f"YAML sai cú pháp: {problem}"))
        # Data files and Markdown outside docs/ (README, generated copies): text hygiene,
        # privacy and YAML syntax only.
        text_prose = prose.analyse(doc) if doc.kind == "markdown" else prose.Prose(doc.text, [], [])
        out += hygiene.check(doc, text_prose, ctx.data, content=False)
        out += guidekit.check_data(doc, ctx.options.data_dir)
        if doc.path.name != "hotlines.yml":
            out += privacy.check(doc, ctx.data)
    return out


def check_file(path: Path, ctx: Context) -> list[Finding]:
    try:
        return _check_file(path, ctx)
    except (OSError, RuntimeError) as exc:  # symlink loop, file vanished while checking…
        return [finding(Path(os.path.relpath(path, ctx.options.root)).as_posix(), 1, 1,
                        "FILE-UNREADABLE", f"Không mở được tệp: {getattr(exc, 'strerror', None) or exc}")]


def _check_file(path: Path, ctx: Context) -> list[Finding]:
    out = names.check(path, ctx.options.docs_dir, ctx.options.root, ctx.pages)
    out += redaction.check(path, ctx.options.docs_dir, ctx.options.root)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return out + privacy.check_image(path, ctx.options.root)
    is_word = ctx.data.is_vi_word if ctx.data.vi_syllables else None
    doc, problems = load(path, root=ctx.options.root, docs_dir=ctx.options.docs_dir, is_word=is_word)
    out += problems
    if doc is not None:
        out += check_document(doc, ctx)
    return out


def check_paths(paths: list[Path], options: Options | None = None) -> list[Finding]:
    ctx = Context(options or Options())
    files, out = collect(paths)
    out = list(out) + list(ctx.data.findings)
    if ctx.data.dictionary_missing:
        print("Chú ý: chưa cài từ điển tiếng Việt (gói Debian hunspell-vi), bỏ qua kiểm tra chính tả tiếng Việt.",
              file=sys.stderr)
    for path in files:
        out += check_file(path, ctx)
    return sorted(set(out))


# --- built site --------------------------------------------------------------------------
_MKDOCS_LINE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
_DOC_FILE = re.compile(r"Doc file '([^']+)' contains (?:a link|an? \w+ link) '([^']*)'")


def build_site(dest: Path, root: Path | None = None) -> tuple[int, str]:
    root = root or settings.ROOT
    env = dict(os.environ, SITE_DIR=str(dest), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONUTF8="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=root, env=env,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def mkdocs_findings(output: str, returncode: int, options: Options) -> list[Finding]:
    out = []
    for raw in output.splitlines():
        m = _MKDOCS_LINE.match(re.sub(r"\x1b\[[0-9;]*m", "", raw).strip())
        if not m:
            continue
        message = m.group(2)
        doc_match = _DOC_FILE.search(message)
        if doc_match:
            md = options.docs_dir / doc_match.group(1)
            name = relative(md, options.root)
            line, col = sitelinks.locate(md, doc_match.group(2))
            out.append(finding(name, line, col, "LINK-MKDOCS", f"MkDocs: {message}"))
        elif "Aborted with" not in message:
            out.append(finding("mkdocs.yml", 1, 1, "LINK-MKDOCS", f"MkDocs: {message}"))
    if returncode != 0 and not out:
        tail = " | ".join(output.strip().splitlines()[-3:])[:300]
        out.append(finding("mkdocs.yml", 1, 1, "LINK-BUILD", f"Dựng trang thất bại: {tail}"))
    return out


def check_built(options: Options | None = None, site_dir: Path | None = None) -> list[Finding]:
    """Build the site (unless ``site_dir`` is given) and check internal links and anchors."""
    options = options or Options()
    if site_dir is not None:
        return sitelinks.check_site(site_dir, options.docs_dir, options.root)
    with tempfile.TemporaryDirectory(prefix="bdhvs-check-") as tmp:
        dest = Path(tmp) / "site"
        code, output = build_site(dest, options.root)
        out = mkdocs_findings(output, code, options)
        if code == 0:
            out += sitelinks.check_site(dest, options.docs_dir, options.root)
        return out
