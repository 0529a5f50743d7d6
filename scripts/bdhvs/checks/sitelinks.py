"""Check 2 (post-build): every internal link, image and anchor of the BUILT site resolves,
in both languages — including links written in raw HTML, which MkDocs' own validation
does not see. Problems are reported on the Markdown file (and line) they come from
when it can be found, otherwise on the HTML file of the built site."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative

URL_ATTRS = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src", "video": "poster",
             "audio": "src", "track": "src", "iframe": "src", "area": "href"}


def locate(md: Path, needle: str) -> tuple[int, int]:
    """Line and column of ``needle`` (or its path or fragment) in a Markdown file."""
    try:
        text = md.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1, 1
    candidates = [needle, needle.split("#")[0], ("#" + needle.split("#", 1)[1]) if "#" in needle else ""]
    for cand in candidates:
        if cand and cand not in ("#", "./", "../"):
            pos = text.find(cand)
            if pos >= 0:
                line = text.count("\n", 0, pos) + 1
                return line, pos - (text.rfind("\n", 0, pos) + 1) + 1
    return 1, 1


def source_of(page: str, docs_dir: Path) -> Path | None:
    """docs/<lang>/… Markdown file a built page comes from (Ede fallback → Vietnamese)."""
    lang = "vi"
    parts = page.split("/")
    if parts[0] in settings.LANGUAGES and parts[0] != settings.DEFAULT_LANGUAGE:
        lang, parts = parts[0], parts[1:]
    rel = "/".join(parts)
    if rel.endswith("index.html"):
        stem = rel[: -len("index.html")].rstrip("/")
    else:
        stem = rel.removesuffix(".html")
    names = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    for language in dict.fromkeys([lang, settings.DEFAULT_LANGUAGE]):
        for name in names:
            path = docs_dir / language / name
            if path.exists():
                return path
    return None


class _Site:
    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self._ids: dict[Path, set[str]] = {}

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            try:
                soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
                self._ids[path] = {el.get("id") for el in soup.find_all(id=True)} | \
                    {el.get("name") for el in soup.find_all("a", attrs={"name": True})}
            except OSError:
                self._ids[path] = set()
        return self._ids[path]

    def resolve(self, page: str, url: str) -> tuple[Path | None, str, str]:
        """(target file or None, fragment, site path) of an internal ``url`` on ``page``."""
        joined = urljoin("/" + page, url)
        parts = urlsplit(joined)
        path = unquote(parts.path)
        target = self.site_dir / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if ".." in Path(path).parts or not target.is_file():
            return None, unquote(parts.fragment), path
        return target, unquote(parts.fragment), path


def check_site(site_dir: Path, docs_dir: Path | None = None, root: Path | None = None) -> list[Finding]:
    docs_dir = docs_dir or settings.DOCS_DIR
    root = root or settings.ROOT
    site = _Site(site_dir)
    theme_problems: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)
    out: list[Finding] = []
    for html in sorted(site_dir.rglob("*.html")):
        page = html.relative_to(site_dir).as_posix()
        if page == "404.html":
            continue  # absolute links to the public site_url by design
        try:
            soup = BeautifulSoup(html.read_text(encoding="utf-8", errors="replace"), "html.parser")
        except OSError:
            continue
        md = source_of(page, docs_dir)
        md_text = md.read_text(encoding="utf-8", errors="replace") if md else ""
        for tag_name, attr in URL_ATTRS.items():
            for el in soup.find_all(tag_name):
                url = (el.get(attr) or "").strip()
                if not url or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) or url.startswith("//"):
                    continue
                target, fragment, path = site.resolve(page, url)
                problem = None
                if target is None:
                    problem = ("LINK-BROKEN", f"Liên kết “{url}” trỏ tới {path}, không có trong trang đã dựng")
                elif fragment and target.suffix == ".html" and fragment not in site.ids(target):
                    problem = ("LINK-ANCHOR", f"Liên kết “{url}”: trang đích không có mục #{fragment}")
                if not problem:
                    continue
                if md and (url in md_text or (fragment and f"#{fragment}" in md_text)):
                    line, col = locate(md, url)
                    where = " (bản tiếng Êđê)" if page.startswith("ede/") else ""
                    out.append(finding(relative(md, root), line, col, problem[0], problem[1] + where))
                else:
                    theme_problems[(problem[0], path, fragment)].append((page, el.sourceline or 1, problem[1]))
    for (code, _, _), places in theme_problems.items():
        page, line, message = places[0]
        more = f" (và {len(places) - 1} trang khác)" if len(places) > 1 else ""
        out.append(finding(f"site/{page}", line, 1, code, message + more,
                           "Liên kết này do giao diện (overrides/) hoặc plugin tạo ra: báo cho nhóm kỹ thuật."))
    return out
