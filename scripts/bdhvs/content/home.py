"""The home page's first screen: emergency entries, a search field and the top tasks.

data/home.yml lists them (label + page); editors change the buttons there, never in a
template. The same entries serve three places:

- ``<!-- bdhvs:home -->`` in docs/<lang>/index.md: two emergency buttons, a search field
  and the task buttons (Markdown links, so MkDocs checks them and the Ede site links to
  its own copies);
- the emergency strip under the header of every other page
  (overrides/partials/bdhvs/home/emergency.html);
- the Vietnamese 404 page (overrides/404.html).

Plain functions, no MkDocs.
"""
from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path

from bdhvs.content.guides import link

HOME_FILE = "home.yml"
MIN_TASKS, MAX_TASKS = 6, 8
SEARCH_LABEL = "Tìm hướng dẫn"
SEARCH_PLACEHOLDER = "Ví dụ: quên mật khẩu VNeID"
# Without JavaScript the field cannot search: the form opens the list of every guide.
SEARCH_FALLBACK = "huong-dan/index.md"


def page_url(src: str, directory_urls: bool = True) -> str:
    """Site-relative URL of the page ``src`` ("huong-dan/x.md"): "huong-dan/x/", or
    "huong-dan/x.html" in the offline bundle (use_directory_urls: false)."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return stem + "/" if stem else ""


class HomeError(ValueError):
    """A problem in data/home.yml, worded for an editor (Vietnamese)."""


@dataclass(frozen=True)
class Entry:
    label: str
    page: str  # path inside a language folder: "huong-dan/x.md"

    @property
    def url(self) -> str:
        """Site-relative URL of the page ("huong-dan/x/") with directory URLs."""
        return page_url(self.page)


@dataclass(frozen=True)
class Home:
    emergency: tuple[Entry, ...]
    tasks: tuple[Entry, ...]


def load(path: Path, lang_dir: Path) -> Home:
    """Read data/home.yml through the gate and check it; every page must exist in ``lang_dir``
    (docs/vi). The gate's schema reports shapes (a missing list, an entry without label or
    page) at their line; this adds what only the site knows."""
    from bdhvs.inputs import datafiles

    name = f"data/{path.name}"
    record = datafiles.read_path(path, datafiles.SPECS[HOME_FILE], root=path.parent.parent)
    if record.errors:
        first = record.errors[0]
        raise HomeError(f"{name}:{first.line}: {first.message}. {first.hint or ''}".rstrip())
    if not isinstance(record.data, dict):
        raise HomeError(f"{name}:1: tệp phải có hai danh sách 'emergency:' và 'tasks:' (xem chú thích đầu tệp).")
    lists = {}
    for key in ("emergency", "tasks"):
        entries = []
        for i, item in enumerate(record.data[key]):
            page = item["page"].strip()
            if not (lang_dir / page).is_file():
                raise HomeError(f"{name}:{record.line(key, i)}: không có tệp docs/vi/{page}. "
                                "Cách sửa: sửa lại tên tệp cho đúng.")
            entries.append(Entry(item["label"].strip(), page))
        lists[key] = tuple(entries)
    if not MIN_TASKS <= len(lists["tasks"]) <= MAX_TASKS:
        raise HomeError(f"{name}:{record.line('tasks', 0)}: 'tasks:' có {len(lists['tasks'])} nút; cần từ {MIN_TASKS} "
                        f"đến {MAX_TASKS} nút, để tất cả vừa màn hình đầu tiên của điện thoại.")
    return Home(emergency=lists["emergency"], tasks=lists["tasks"])


def search_form(action: str, field_id: str = "bdhvs-trang-tim") -> str:
    """A visible search field. search.js opens the site search with what was typed; without
    JavaScript the form opens ``action`` (the list of every guide)."""
    return (
        f'<form class="bdhvs-searchbox" role="search" action="{html.escape(action)}" data-bdhvs-search-form>'
        f'<label for="{field_id}">{SEARCH_LABEL}</label>'
        f'<span class="bdhvs-searchbox__row"><input id="{field_id}" name="q" type="search" autocomplete="off" '
        f'enterkeyhint="search" placeholder="{SEARCH_PLACEHOLDER}">'
        '<button type="submit">Tìm</button></span></form>'
    )


def render(home: Home, page_src: str, directory_urls: bool = True) -> str:
    """Markdown (with md_in_html) for ``<!-- bdhvs:home -->`` on the page ``page_src``."""
    out = ['<nav class="bdhvs-emergency bdhvs-emergency--home" aria-label="Khẩn cấp" markdown>', ""]
    out += [f"- [{e.label}]({link(page_src, e.page)})" for e in home.emergency]
    out += ["", "</nav>", ""]
    out += [search_form(page_url(link(page_src, SEARCH_FALLBACK), directory_urls)), ""]
    out += ['<div class="bdhvs-home-tasks" markdown>', ""]
    out += [f"- [{t.label}]({link(page_src, t.page)})" for t in home.tasks]
    out += ["", "</div>", ""]
    return "\n".join(out)
