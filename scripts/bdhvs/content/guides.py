"""The guide index: what guides exist, read from their front matter.

Listings (home task buttons, guides by topic, by audience) and the navigation are
derived from the guides' own ``audience`` and ``platform`` fields, so an editor who adds
a guide never has to list it anywhere else. Plain functions, no MkDocs.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path


from bdhvs.content.schema import AUDIENCE_LABELS, AUDIENCES, PLATFORM_LABELS, PLATFORMS
from bdhvs.content.slugs import slugify
from bdhvs.publish.escaping import md_text

GUIDE_DIR = "huong-dan"  # guides live in docs/<lang>/huong-dan/<slug>.md
AUDIENCE_PAGE = "huong-dan/theo-doi-tuong.md"  # browse by audience
TOPIC_PAGE = "huong-dan/index.md"  # browse by topic (= platform)

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Guide:
    src: str  # path inside the language folder, e.g. "huong-dan/cai-dat-vneid.md"
    title: str
    heading: str  # the page's H1: short, task-shaped ("Cài đặt ứng dụng VNeID thật")
    description: str
    audience: tuple[str, ...]
    platform: str
    review_status: str
    last_reviewed: str = ""  # ISO date of the front matter's last_reviewed ("" when absent)

    @property
    def slug(self) -> str:
        return posixpath.splitext(posixpath.basename(self.src))[0]


def read_page(path: Path, docs_dir: Path | None = None) -> tuple[dict, str]:
    """Front matter and body of a Markdown page, from the gate's reader ({} when it has
    none or it is broken: the gate reports the problem with file and line).
    ``docs_dir``: the docs folder the page belongs to (default: two levels up from a
    guide, ``<docs>/<lang>/huong-dan/x.md``)."""
    from bdhvs.inputs import pages

    docs_dir = docs_dir or path.parent.parent.parent
    record = pages.read(path, root=docs_dir.parent, docs_dir=docs_dir)
    return record.meta, record.body.lstrip("\n")



def read_guide(lang_dir: Path, slug: str) -> tuple[dict, str] | None:
    """(front matter, body) of the guide ``<lang_dir>/huong-dan/<slug>.md``; None when there is
    no such file or it is not a guide (lessons and the contributors' pages both ask)."""
    path = Path(lang_dir) / GUIDE_DIR / f"{slug}.md"
    if not path.is_file():
        return None
    meta, body = read_page(path)
    return (meta, body) if meta.get("page_type") == "guide" else None

def heading_of(body: str) -> str:
    """The page's H1 ("" when it has none)."""
    match = _H1.search(body)
    return match.group(1).strip() if match else ""


def load_guides(lang_dir: Path) -> list[Guide]:
    """Every page with ``page_type: guide`` under ``<lang_dir>/huong-dan/``, by file name."""
    guides = []
    for path in sorted((lang_dir / GUIDE_DIR).glob("*.md")):
        if path.is_symlink():
            continue  # never read through a link (publish/allowlist.py reports it)
        meta, body = read_page(path, lang_dir.parent)
        if meta.get("page_type") != "guide":
            continue
        match = _H1.search(body)
        title = str(meta.get("title") or path.stem)
        audience = meta.get("audience") or []
        guides.append(Guide(
            src=f"{GUIDE_DIR}/{path.name}",
            title=title,
            heading=match.group(1).strip() if match else title,
            description=str(meta.get("description") or ""),
            audience=tuple(a for a in audience if a in AUDIENCES) if isinstance(audience, list) else (),
            platform=str(meta.get("platform") or ""),
            review_status=str((meta.get("review") or {}).get("status") or "draft"),
            last_reviewed=str(meta.get("last_reviewed") or ""),
        ))
    return guides


def in_order(guides: list[Guide], order: list[str]) -> list[Guide]:
    """Guides sorted like ``order`` (source paths, e.g. the navigation), others last."""
    rank = {src: i for i, src in enumerate(order)}
    return sorted(guides, key=lambda g: (rank.get(g.src, len(rank)), g.src))


def audience_anchor(audience: str) -> str:
    return slugify(AUDIENCE_LABELS[audience])


def platform_anchor(platform: str) -> str:
    return slugify(PLATFORM_LABELS[platform])


def link(from_src: str, to_src: str) -> str:
    """Relative Markdown link between two pages of the same language folder."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _items(guides: list[Guide], page_src: str, *, describe: bool) -> list[str]:
    lines = []
    for guide in guides:
        item = f"- [{guide.heading}]({link(page_src, guide.src)})"
        if describe and guide.description:
            item += f"  \n  {md_text(guide.description)}"
        lines.append(item)
    return lines


def render_by_platform(guides: list[Guide], page_src: str) -> str:
    """One ``##`` section per platform (topic) that has guides, in schema order."""
    out = []
    for platform in PLATFORMS:
        members = [g for g in guides if g.platform == platform]
        if members:
            out += [f"## {PLATFORM_LABELS[platform]} {{ #{platform_anchor(platform)} }}", ""]
            out += _items(members, page_src, describe=True) + [""]
    return "\n".join(out)


def render_by_audience(guides: list[Guide], page_src: str) -> str:
    """One ``##`` section per audience, in schema order. Opened with an audience's anchor
    (``theo-doi-tuong/#hoc-sinh``, the home's audience links) the page shows only that
    audience (CSS ``:target``, no JavaScript; site.css); without the anchor, all."""
    present = [a for a in AUDIENCES if any(a in g.audience for g in guides)]
    out = ['<div class="bdhvs-by-audience" markdown>', ""]
    out += ["Nhóm: " + " · ".join(f"[{AUDIENCE_LABELS[a]}](#{audience_anchor(a)})" for a in present)
            + f" · [Tất cả các nhóm]({link(page_src, page_src)})", "{ .bdhvs-audience-choice }", ""]
    for audience in present:
        members = [g for g in guides if audience in g.audience]
        out += ['<section markdown>', "", f"## {AUDIENCE_LABELS[audience]} {{ #{audience_anchor(audience)} }}", ""]
        out += _items(members, page_src, describe=True) + ["", "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def render_audience_links(guides: list[Guide], page_src: str) -> str:
    """One link per audience to its part of the audience page (the home's "Theo nhóm")."""
    present = [a for a in AUDIENCES if any(a in g.audience for g in guides)]
    return "\n".join(f"- [{AUDIENCE_LABELS[a]}]({link(page_src, AUDIENCE_PAGE)}#{audience_anchor(a)})"
                     for a in present)


def render_topic_links(guides: list[Guide], page_src: str) -> str:
    """One link per topic (platform) that has guides, to its part of the topic page."""
    present = [p for p in PLATFORMS if any(g.platform == p for g in guides)]
    return "\n".join(f"- [{PLATFORM_LABELS[p]}]({link(page_src, TOPIC_PAGE)}#{platform_anchor(p)})"
                     for p in present)


def render_tasks(guides: list[Guide], audience: str, page_src: str) -> str:
    """Big "Tôi muốn…" buttons: one link per guide for this audience (plain links, no JS)."""
    members = [g for g in guides if audience in g.audience]
    lines = ['<div class="bdhvs-tasks" markdown>', ""]
    lines += _items(members, page_src, describe=False)
    lines += ["", "</div>"]
    return "\n".join(lines)
