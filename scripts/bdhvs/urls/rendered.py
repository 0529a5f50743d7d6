"""The link and raw-HTML policy applied to the HTML Python-Markdown produced, parsed by an
HTML Standard parser (Lexbor, through selectolax) as the reader's browser parses it.

Whatever the Markdown-level checks missed — an attribute added with ``{ … }``, markup a
``<!--`` or a stray backtick hid from a regex, a URL spelled with entities or tabs — is
seen here as an element and attributes. ``scan`` returns each problem; with ``clean`` it
also returns the HTML without it (the offending attribute or element removed), so that
nothing hostile reaches site/ even when the build goes on to report more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from bdhvs.checks import htmlsafety
from bdhvs.urls import policy

# Elements Python-Markdown and its extensions write (tables, footnotes, toc, admonitions,
# details, tasklist, def_list, abbr…) on top of the raw-HTML allow-list of checks.htmlsafety.
STRUCTURE = {"html", "head", "body"}
GENERATED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "del", "ins", "label", "input",
}
TAGS = htmlsafety.ALLOWED_TAGS | GENERATED_TAGS | STRUCTURE
ATTRS = htmlsafety.ALLOWED_ATTRS | {"disabled", "checked", "start", "reversed", "value", "for"}
# Every attribute a browser follows as a URL (HTML, SVG, legacy), and the list-valued ones.
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "ping",
             "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "codebase", "archive", "classid", "usemap",
             "profile", "icon", "imagesrcset", "itemtype", "xml:base"}
TABLE_ALIGN = re.compile(r"^\s*text-align:\s*(?:left|right|center)\s*;?\s*$", re.I)
CSS_URL = re.compile(r"url\s*\(|@import|expression\s*\(|image-set\s*\(", re.I)


@dataclass
class Problem:
    code: str
    message: str
    tag: str
    attr: str | None = None  # None: the whole element
    value: str | None = None
    hint: str | None = None
    severity: str | None = None
    needles: list[str] = field(default_factory=list)  # what to look for in the Markdown source


def _urls(attr: str, value: str) -> list[str]:
    if attr in ("srcset", "imagesrcset"):
        # Each candidate's URL, and the same with tab/newline removed (never let a split hide a scheme).
        parts = [part.strip() for part in value.split(",") if part.strip()]
        return [u for part in parts for u in (part.split()[0], re.sub(r"[\t\n\r]", "", part).split(" ")[0])]
    if attr in ("ping", "archive"):
        return value.split()
    return [value]


def _is_citation(node) -> bool:
    """``<small>(Nguồn: <a …>…</a>)</small>``: a cited source (the glossary writes these)."""
    parent = node.parent
    return parent is not None and parent.tag == "small" and (parent.text(deep=True) or "").lstrip("( ").startswith("Nguồn")


def _kind(tag: str, attr: str, attrs: dict, node=None) -> str:
    if tag == "a" and attr == "href" and node is not None and _is_citation(node):
        return "source"
    if tag == "img" and str(attrs.get("alt") or "").startswith("type:video"):
        return "video"
    if tag in ("img", "source", "picture"):
        return "image"
    return "markdown" if tag == "a" and attr == "href" else "html"


def _attr_problems(tag: str, name: str, value: str | None, attrs: dict, data, node=None) -> list[Problem]:
    value = value or ""
    shown = policy.short(value, 60)
    if tag in STRUCTURE:
        return [Problem("HTML-ATTR", f"Thẻ <{tag}> trong nội dung đặt thuộc tính “{name}” lên cả trang", tag, name,
                        value, needles=[f"<{tag}", name])]
    if name.startswith("on"):
        return [Problem("HTML-EVENT-ATTR", f"Thuộc tính “{name}” trên thẻ <{tag}> chạy mã", tag, name, value,
                        needles=[f"{name}=", value, name])]
    if name == "style":
        if tag in ("th", "td") and TABLE_ALIGN.match(value):
            return []
        what = " và tải địa chỉ ngoài (url(…))" if CSS_URL.search(value) else ""
        return [Problem("HTML-ATTR", f"Thuộc tính style{what} trên thẻ <{tag}> bị chính sách bảo mật của trang chặn",
                        tag, name, value, needles=[value, "style="])]
    if name.startswith("data-bdhvs-") or name == "data-go":  # media.js loads data-bdhvs-embed in an iframe
        return [Problem("HTML-ATTR", f"Thuộc tính “{name}” chỉ dành cho mã của trang, không được viết trong bài",
                        tag, name, value, needles=[f"{name}=", value, name])]
    out = []
    if name in URL_ATTRS or (name.startswith("data-") and (":" in value or value.strip().startswith(("//", "\\")))):
        kind = _kind(tag, name, attrs, node)
        for url in _urls(name, value):
            found = policy.verdict(url, kind, data, decoded=True)
            if found is not None:
                out.append(Problem(found.code, found.message, tag, name, url, found.hint, found.severity,
                                   needles=[url, value]))
                break
    if out:
        return out
    if name not in ATTRS and not name.startswith(("aria-", "data-")):
        return [Problem("HTML-ATTR", f"Thuộc tính “{name}” trên thẻ <{tag}> không được phép"
                        + (f" (“{shown}”)" if value else ""), tag, name, value, needles=[f"{name}=", value, name])]
    if tag == "input" and name == "type" and value.lower() != "checkbox":
        return [Problem("HTML-FORM", f"Thẻ <input type=\"{shown}\"> là một phần của biểu mẫu", tag, None, value,
                        needles=["<input", value])]
    return []


def _tag_problem(tag: str) -> Problem | None:
    if tag in TAGS:
        return None
    if tag in htmlsafety.SCRIPT_TAGS:
        code, text = "HTML-SCRIPT", f"Thẻ <{tag}> không được dùng trong nội dung"
    elif tag in htmlsafety.EMBED_TAGS:
        code, text = "HTML-EMBED", f"Thẻ <{tag}> nhúng trang khác"
    elif tag in htmlsafety.FORM_TAGS:
        code, text = "HTML-FORM", f"Thẻ <{tag}> là một phần của biểu mẫu"
    elif tag in htmlsafety.MEDIA_TAGS:
        code, text = "HTML-VIDEO", f"Thẻ <{tag}> tải video/âm thanh ngay khi mở trang"
    else:
        code, text = "HTML-TAG", f"Thẻ <{tag}> không nằm trong danh sách cho phép"
    return Problem(code, text, tag, needles=[f"<{tag}"])


def scan(html: str, data, *, clean: bool = False) -> tuple[list[Problem], str]:
    """Problems of a page's rendered content, and (``clean``) the content without them."""
    if not html.strip():
        return [], html
    tree = LexborHTMLParser(html)
    problems: list[Problem] = []
    drop_nodes, drop_attrs = [], []
    for node in tree.root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        if tag.startswith("-"):  # comments and other non-elements
            continue
        problem = _tag_problem(tag)
        if problem is not None:
            problems.append(problem)
            drop_nodes.append(node)
            continue
        attrs = node.attributes
        for name, value in attrs.items():
            found = _attr_problems(tag, name.lower(), value, attrs, data, node)
            if found:
                problems += found
                if not any(p.severity == "warning" for p in found):
                    drop_attrs.append((node, name))
    blocking = [p for p in problems if p.severity != "warning"]
    if not clean or not blocking:
        return problems, html
    for node, name in drop_attrs:
        try:
            del node.attrs[name]
        except (KeyError, AttributeError):
            pass
    dropped = {node.mem_id for node in drop_nodes}
    for node in drop_nodes:
        parent, inside = node.parent, False
        while parent is not None:
            if parent.mem_id in dropped:
                inside = True  # goes with its ancestor
                break
            parent = parent.parent
        if not inside:
            node.decompose()
    body = tree.body
    return problems, (body.inner_html if body is not None else "") or ""
