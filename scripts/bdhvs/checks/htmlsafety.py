"""Check 7: safety of raw HTML in Markdown. The site ships a strict Content-Security-Policy
and must never run or embed anything an editor pastes: no <script>, no on* handlers, no
iframes/objects/forms; raw HTML only from a small allow-list; videos only through
mkdocs-video's ``![type:video](…)`` syntax (nothing loads before the reader presses play)."""
from __future__ import annotations

import re

from bdhvs.checks.codes import finding
from bdhvs.checks.links import Link, html_tags
from bdhvs.checks.source import Document
from bdhvs.findings import Finding

# Tags an editor may write (Markdown has no syntax for them, or md_in_html needs them).
ALLOWED_TAGS = {
    "span", "div", "br", "kbd", "abbr", "sup", "sub", "small", "mark", "figure", "figcaption",
    "details", "summary", "a", "img", "picture", "source", "p", "strong", "em", "b", "i", "s", "q", "cite", "time",
}
ALLOWED_ATTRS = {
    "class", "id", "lang", "title", "href", "src", "alt", "width", "height", "markdown", "hreflang",
    "dir", "role", "loading", "decoding", "datetime", "colspan", "rowspan", "srcset", "sizes", "type",
    "media", "open", "rel", "target", "cite",
}
SCRIPT_TAGS = {"script", "noscript", "template"}
EMBED_TAGS = {"iframe", "object", "embed", "applet", "frame", "frameset", "portal"}
FORM_TAGS = {"form", "input", "button", "select", "textarea", "option", "fieldset", "label", "output", "datalist"}
MEDIA_TAGS = {"video", "audio", "track"}
VIDEO_FILE = re.compile(r"\.(?:mp4|webm|ogv|mov|m4v|avi|mkv|mp3|m4a|ogg|opus|wav)(?:[?#].*)?$", re.I)


def check(doc: Document, links: list[Link]) -> list[Finding]:
    out: list[Finding] = []
    if doc.kind not in ("page", "markdown"):
        return out
    out += check_front_matter(doc)
    for tag in html_tags(doc):
        name = tag.name.lower()
        if tag.end:
            continue
        if name in SCRIPT_TAGS:
            out.append(doc.at(tag.offset, "HTML-SCRIPT", f"Thẻ <{name}> không được dùng trong nội dung"))
            continue
        if name in EMBED_TAGS:
            out.append(doc.at(tag.offset, "HTML-EMBED", f"Thẻ <{name}> nhúng trang khác"))
            continue
        if name in FORM_TAGS:
            out.append(doc.at(tag.offset, "HTML-FORM", f"Thẻ <{name}> là một phần của biểu mẫu"))
            continue
        if name in MEDIA_TAGS:
            out.append(doc.at(tag.offset, "HTML-VIDEO", f"Thẻ <{name}> tải video/âm thanh ngay khi mở trang"))
            continue
        if name not in ALLOWED_TAGS:
            out.append(doc.at(tag.offset, "HTML-TAG", f"Thẻ <{name}> không nằm trong danh sách cho phép"))
            continue
        for attr, value in tag.attrs:
            attr = attr.lower()
            if attr.startswith("on"):
                out.append(doc.at(tag.offset, "HTML-EVENT-ATTR", f"Thuộc tính “{attr}” trên thẻ <{name}> chạy mã"))
            elif attr == "style":
                out.append(doc.at(tag.offset, "HTML-ATTR", f"Thuộc tính style trên thẻ <{name}> bị chính sách bảo mật của trang chặn"))
            elif attr not in ALLOWED_ATTRS and not attr.startswith(("aria-", "data-")):
                out.append(doc.at(tag.offset, "HTML-ATTR", f"Thuộc tính “{attr}” trên thẻ <{name}> không được phép"))
    for link in links:
        if link.kind in ("markdown", "image") and VIDEO_FILE.search(link.url.split("#")[0]):
            out.append(doc.at(link.offset, "HTML-VIDEO", f"Tệp video/âm thanh “{link.url[:60]}” được gắn như ảnh hoặc liên kết"))
    return out


# --- front matter ---------------------------------------------------------------------
# Markup in a front-matter string: a tag (<script, </a, <!--, <?xml) or a character
# reference (&lt; &#60; &#x3c;). Plain comparisons ("số < 3", "A & B") are text.
FM_MARKUP = re.compile(r"<\s*(?:[/?]?\s*[A-Za-z]|!)|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});")


def _scalars(node, path=()):
    """(key path, scalar node) of every string value in a front-matter YAML node."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            yield from _scalars(value, path + (str(name),))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalars(value, path + (str(index + 1),))
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        yield path, node


def _field(path) -> str:
    return ".".join(path) if path else "giá trị"


def check_front_matter(doc: Document) -> list[Finding]:
    """FM-HTML: HTML inside any front-matter string (title, description, sources' titles
    and publishers, notes…). The theme escapes every such string; HTML there is either
    an attack or text that would show as &lt;b&gt; to citizens."""
    out: list[Finding] = []
    if doc.fm_node is None:
        return out
    line0 = doc.pos(doc.fm_offset)[0] - 1
    for path, node in _scalars(doc.fm_node):
        match = FM_MARKUP.search(node.value)
        if not match:
            continue
        # Point at the markup in the file when it is written as it is (plain, quoted or
        # block scalar); otherwise (escape sequences such as "\x3c") at the value.
        raw = doc.fm_text[node.start_mark.index:node.end_mark.index]
        raw_match = FM_MARKUP.search(raw)
        if raw_match:
            offset = doc.fm_offset + node.start_mark.index + raw_match.start()
            line, col = doc.pos(offset)
        else:
            line, col = line0 + node.start_mark.line + 1, node.start_mark.column + 1
        sample = match.group(0)
        out.append(finding(doc.name, line, col, "FM-HTML",
                           f"Trường “{_field(path)}” trong phần đầu trang có mã HTML “{sample}…”: phần đầu trang chỉ chứa chữ",
                           "Viết chữ thường, không dùng thẻ <…> hay ký hiệu &…; (trang tự hiển thị đúng dấu ngoặc kép, "
                           "dấu &). Muốn chữ đậm, liên kết… thì viết trong nội dung trang, không viết ở phần đầu."))
    return out
