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

from bdhvs import settings
from bdhvs.checks import (
    data as data_mod, dateranges, frontstyle, htmlsafety, hygiene, links, linksafety, locallinks, mdstyle, names, privacy,
    prose, redaction, selfreview, sitelinks, spelling, staffnotes,
)
from bdhvs.checks import guidekit
from bdhvs.checks.codes import CODES, finding
from bdhvs.content import markers
from bdhvs.checks.source import IMAGE_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, Document, load
from bdhvs.inputs import datafiles, images, pages, yamlsafe
from bdhvs.findings import Finding, relative
from bdhvs.urls import datafiles as url_data, page as url_page
from bdhvs.publish import allowlist

SKIP_DIRS = {".git", "__pycache__", "_rendered", "node_modules", ".cache"}


@dataclass
class Options:
    root: Path = settings.ROOT
    docs_dir: Path = settings.DOCS_DIR
    data_dir: Path = settings.DATA_DIR
    style: bool = True  # run pymarkdownlnt
    # FM-STYLE (one front-matter style): the repository's own docs/ only (None: when
    # docs_dir is settings.DOCS_DIR); fixtures and corpora keep the shapes they test.
    front_style: bool | None = None

    def front_style_applies(self) -> bool:
        if self.front_style is not None:
            return self.front_style
        return self.docs_dir.resolve() == settings.DOCS_DIR.resolve()
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
                if allowlist.is_linked(path, docs):
                    continue  # never read through a link (PUB-SYMLINK)
                try:
                    doc = pages.read(path, root=self.options.root, docs_dir=docs).doc
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
    """The content checks of a document the gate has read (its own findings — decoding,
    front matter, schema, publishing rule — come with the record, see _check_file)."""
    out: list[Finding] = []
    if doc.kind in ("page", "markdown") and _in_docs(doc, ctx):
        out += dateranges.check(doc)
        out += selfreview.check(doc)
        if ctx.options.front_style_applies():
            out += frontstyle.check(doc)
        p = prose.analyse(doc)
        hygiene_out = hygiene.check(doc, p, ctx.data)
        out += hygiene_out
        garbled = {f.line for f in hygiene_out if f.code in hygiene.GARBLED_CODES}
        out += spelling.check(doc, p, ctx.data, ctx.speller, garbled)
        found = links.extract(doc)
        out += locallinks.check(doc, found, ctx.options.docs_dir, ctx.options.root)
        out += linksafety.check(doc, found, ctx.data)
        out += htmlsafety.check(doc, found)
        out += url_page.check(doc, ctx.data, ctx.options.root, out)  # what the build will really render
        out += staffnotes.check(doc)
        out += privacy.check(doc, ctx.data)
        out += guidekit.check(doc)
        out += markers.check(doc, ctx.options.docs_dir)
        if ctx.options.style:
            out += mdstyle.check(doc)
    else:
        if doc.kind == "yaml" and not _data_file(doc.path, ctx) and not _media_yaml(doc.path, ctx):
            parsed = yamlsafe.parse(doc.text)
            out += [finding(doc.name, p.line, p.col, "DATA-DUPLICATE-KEY" if p.kind == "duplicate" else "DATA-YAML",
                            f"YAML sai cú pháp: {p.message}" if p.kind == "syntax" else p.message, p.hint)
                    for p in parsed.problems if p.kind != "date"]
        # Data files and Markdown outside docs/ (README, generated copies): text hygiene,
        # privacy and YAML syntax only.
        text_prose = prose.analyse(doc) if doc.kind == "markdown" else prose.Prose(doc.text, [], [])
        out += hygiene.check(doc, text_prose, ctx.data, content=False)
        out += guidekit.check_data(doc, ctx.options.data_dir)
        if doc.path.name != "hotlines.yml":
            out += privacy.check(doc, ctx.data)
    return out


def _data_file(path: Path, ctx: Context) -> bool:
    try:
        return path.parent.resolve() == ctx.options.data_dir.resolve() and path.name in datafiles.SPECS
    except OSError:
        return False


def _media_yaml(path: Path, ctx: Context) -> bool:
    try:
        return path.parent.parent.resolve() == (ctx.options.docs_dir / "huong-dan").resolve()
    except OSError:
        return False


def check_file(path: Path, ctx: Context) -> list[Finding]:
    try:
        return _check_file(path, ctx)
    except (OSError, RuntimeError) as exc:  # symlink loop, file vanished while checking…
        return [finding(Path(os.path.relpath(path, ctx.options.root)).as_posix(), 1, 1,
                        "FILE-UNREADABLE", f"Không mở được tệp: {getattr(exc, 'strerror', None) or exc}")]


def _check_file(path: Path, ctx: Context) -> list[Finding]:
    if allowlist.is_linked(path, ctx.options.docs_dir):
        return []  # never read through a link (it may point at secrets): PUB-SYMLINK reports it
    link = allowlist._linked(path, ctx.options.data_dir) or (path if path.is_symlink() else None)
    if link is not None:  # data/ too: the link is reported, what it points at is never read
        return [datafiles.link_finding(link, ctx.options.root)]
    out = names.check(path, ctx.options.docs_dir, ctx.options.root, ctx.pages)
    out += redaction.check(path, ctx.options.docs_dir, ctx.options.root)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        limits = images.limits(path, root=ctx.options.root)  # pixels and bytes before anything decodes it
        if any(f.code in images.TOO_BIG for f in limits):
            return out + limits
        return out + limits + privacy.check_image(path, ctx.options.root)
    if path.suffix.lower() in (".yml", ".yaml") and _media_yaml(path, ctx):
        from bdhvs.media import spec as media_spec  # screenshot annotations, as the build reads them

        out += media_spec.load(path, root=ctx.options.root)[1]
    is_word = ctx.data.is_vi_word if ctx.data.vi_syllables else None
    if _data_file(path, ctx):
        # data/*.yml: the gate's reader (schema, findings at the line), as the build reads it
        out += datafiles.read(path.name, ctx.options.data_dir, root=ctx.options.root).findings
        doc, _ = load(path, root=ctx.options.root, docs_dir=ctx.options.docs_dir, is_word=is_word)
    elif path.suffix.lower() in MARKDOWN_SUFFIXES:
        record = pages.read(path, root=ctx.options.root, docs_dir=ctx.options.docs_dir, is_word=is_word)
        doc = record.doc
        out += record.findings
    else:
        doc, problems = load(path, root=ctx.options.root, docs_dir=ctx.options.docs_dir, is_word=is_word)
        out += problems
    if doc is not None:
        out += check_document(doc, ctx)
    if path.parent.resolve() == ctx.options.data_dir.resolve():
        out += url_data.check_file(path, ctx.options.root, ctx.data)  # URLs the site links
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
    out += allowlist.check_paths(paths, ctx.options.docs_dir, ctx.options.root)
    data_abs = Path(os.path.abspath(ctx.options.data_dir))
    if any(Path(os.path.abspath(p)) in (data_abs, *data_abs.parents) for p in paths) and data_abs.is_dir():
        out += datafiles.linked_files(ctx.options.data_dir, ctx.options.root)  # links not walked into
    return _once_per_line(out)


def _once_per_line(findings: list[Finding]) -> list[Finding]:
    """One finding per file, line and code for data files (the gate's schema and an older
    semantic check may both see one broken entry)."""
    out, seen = [], set()
    for item in sorted(set(findings)):
        key = (item.file, item.line, item.code)
        if item.file.startswith("data/") and key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


# --- built site --------------------------------------------------------------------------
_MKDOCS_LINE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
_PRINTED = re.compile(r"^(\S+):(\d+):(\d+)  ([A-Z0-9-]+)  (.*?)(?: — (.*))?$")
_DOC_FILE = re.compile(r"Doc file '([^']+)' contains (?:a link|an? \w+ link) '([^']*)'")
# A finding the plugin logged itself (Finding.human(): "file:line:col  CODE  message — hint"),
# e.g. IMG008 for a drawing font that is missing: reported with ITS code, never as a link.
_PLUGIN_FINDING = re.compile(r"^(?P<file>\S+):(?P<line>\d+):(?P<col>\d+)  (?P<code>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)  "
                             r"(?P<text>.*)$")


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
        printed = _PRINTED.match(message)
        if printed and printed.group(4) in CODES:
            # The build's gate prints its findings as Finding.human(): take them back as they are.
            file, line, col, code, text, hint = printed.groups()
            out.append(finding(file, int(line), int(col), code, text, hint or ""))
            continue
        doc_match = _DOC_FILE.search(message)
        own = _PLUGIN_FINDING.match(message)
        if own:
            text, _, hint = own["text"].partition(" — ")
            out.append(Finding(own["file"], int(own["line"]), int(own["col"]), own["code"], text, hint))
        elif doc_match:
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
