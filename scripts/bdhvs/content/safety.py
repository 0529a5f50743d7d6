"""Shared safety blocks: ``risks:`` in a guide's front matter, ``<!-- bdhvs:safety <topic> -->`` in its body.

A rule that must read the same on every page (money lost: the bank FIRST; a lost phone:
SIM, bank, VNeID; never share the screen or grant the Accessibility permission; never
read an OTP) is written ONCE, in ``data/safety/<topic>.md`` (front matter: title and
sources; body: a short block of plain Vietnamese). A guide declares the harms it can
lead to::

    risks: [mat-tien, ma-otp]

and puts, where each block belongs, one line on its own::

    <!-- bdhvs:safety mat-tien -->

:func:`problems` is the ONE rule, used by the build (which stops) and by `bdhvs check`
(code GUIDE-SAFETY): a declared topic without its marker, a marker whose topic is not
declared or does not exist, a marker not on a line of its own. :func:`expand` puts the
block in the Markdown (an admonition of type ``safety``, styled in guide-kit.css), and
its sources join the guide's sources box.

Plain functions over text (no MkDocs).
"""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from bdhvs.content.schema import SAFETY_TOPICS, SOURCE  # noqa: F401  (SAFETY_TOPICS: used by callers too)
from bdhvs.i18n import frontmatter

DIR = "safety"  # data/safety/<topic>.md
ADMONITION = "safety"  # rendered class: "admonition safety"

# A marker on a line of its own (any indent: inside a list item it follows the item).
MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--[ \t]*bdhvs:safety(?:[ \t]+(?P<topic>[^\s>]*))?[ \t]*-->[ \t]*$", re.M)
_ANY = re.compile(r"bdhvs:safety\b")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FRONT = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?\n", re.S | re.M)


class SafetyError(ValueError):
    """A problem in a data/safety file, worded for an editor (Vietnamese, file:line)."""


@dataclass(frozen=True)
class Block:
    topic: str
    title: str
    body: str  # Markdown
    sources: tuple[dict, ...]


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based, in the text given to problems()
    message: str  # Vietnamese: what is wrong and how to fix it
    kind: str  # "missing" | "undeclared" | "unknown" | "loose" | "unknown-declared"


def _topics_text() -> str:
    return ", ".join(SAFETY_TOPICS)


def load(data_dir: Path) -> dict[str, Block]:
    """Every topic's block from ``data_dir/safety/``; SafetyError when one is missing or wrong."""
    folder = Path(data_dir) / DIR
    validator = Draft202012Validator(SOURCE, format_checker=Draft202012Validator.FORMAT_CHECKER)
    blocks = {}
    for topic in SAFETY_TOPICS:
        path = folder / f"{topic}.md"
        name = f"data/{DIR}/{topic}.md"
        if not path.is_file() or path.is_symlink() or folder.is_symlink():  # never read through a link (PUB-SYMLINK)
            raise SafetyError(f"{name}: thiếu tệp khung an toàn cho chủ đề '{topic}'. Cách sửa: tạo tệp này "
                              "(phần đầu trang có title và sources, sau đó là vài câu ngắn), xem docs-dev/content.md.")
        try:
            page = frontmatter.read(path)
        except frontmatter.PageError as exc:
            raise SafetyError(f"{name}:{exc.line}: {exc.message}") from None
        meta = page.meta
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            raise SafetyError(f"{name}:1: thiếu 'title' (tên khung, một câu ngắn). Cách sửa: thêm dòng "
                              "title: \"…\" vào phần đầu trang.")
        sources = meta.get("sources")
        if not isinstance(sources, list) or not sources:
            raise SafetyError(f"{name}:1: thiếu 'sources' (nguồn chính thức hoặc đáng tin, có ngày). Cách sửa: "
                              "thêm danh sách sources như trong bài hướng dẫn (title, url https://, date).")
        sources = [_plain(s) for s in sources]
        for n, source in enumerate(sources, 1):
            errors = list(validator.iter_errors(source))
            if errors:
                raise SafetyError(f"{name}: nguồn thứ {n} viết sai ({_why(errors[0])}). Cách sửa: mỗi nguồn có "
                                  "title, url (https://…) và date (NĂM-THÁNG-NGÀY), tuỳ chọn publisher, published, note.")
        extra = sorted(set(meta) - {"title", "sources"})
        if extra:
            raise SafetyError(f"{name}:1: trường lạ '{extra[0]}'. Cách sửa: chỉ dùng title và sources.")
        body = page.body.strip()
        if not body:
            raise SafetyError(f"{name}: khung an toàn không có nội dung. Cách sửa: viết vài câu ngắn sau phần đầu trang.")
        if _ANY.search(body) or "!!!" in body:
            raise SafetyError(f"{name}: khung an toàn không được chứa thẻ bdhvs hay khối !!!. Cách sửa: chỉ viết "
                              "đoạn văn và danh sách.")
        blocks[topic] = Block(topic, " ".join(title.split()), body, tuple(sources))
    return blocks


def _why(error) -> str:
    """A jsonschema error of a source, in Vietnamese."""
    if error.validator == "required":
        return "thiếu trường '" + error.message.split("'")[1] + "'"
    if error.validator == "additionalProperties":
        return "có trường lạ"
    field = error.absolute_path[-1] if error.absolute_path else "nguồn"
    return f"trường '{field}' viết sai dạng: {error.instance!r}"


def _plain(value):
    """YAML dates as the strings the editor typed (the schema checks strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def declared(meta: dict) -> list[str]:
    risks = meta.get("risks") if isinstance(meta, dict) else None
    if isinstance(risks, str):
        return [risks]
    return [str(r) for r in risks] if isinstance(risks, list) else []


def _markers(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    """((line, topic) of each marker, lines mentioning bdhvs:safety some other way), outside fenced code."""
    found, loose, fence = [], [], None
    for number, line in enumerate(text.split("\n"), 1):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            continue
        if fence or "bdhvs:safety" not in line:
            continue
        match = MARKER.fullmatch(line)
        if match and match.group("topic"):
            found.append((number, match.group("topic")))
        elif _ANY.search(_CODE_SPAN.sub("", line)):  # a marker in inline code is an example
            loose.append(number)
    return found, loose


def body_start(text: str) -> int:
    """0-based line where the body of a page's full text starts (after its front matter)."""
    match = _FRONT.match(text)
    return text[:match.end()].count("\n") if match else 0


def problems(meta: dict, text: str, *, first_line: int = 1, risks_line: int = 1) -> list[Problem]:
    """Everything wrong between a page's ``risks:`` and its markers. ``text`` is the
    page body (its line 1 is line ``first_line`` of the file); ``risks_line`` is where
    ``risks:`` is written (for a missing marker)."""
    wanted = declared(meta)
    found, loose = _markers(text)
    out = []
    for line in loose:
        out.append(Problem(first_line + line - 1,
                           "thẻ khung an toàn phải đứng một mình trên một dòng, dạng <!-- bdhvs:safety <chủ-đề> --> "
                           f"(chủ đề: {_topics_text()}). Cách sửa: viết lại thẻ trên một dòng riêng.", "loose"))
    present = set()
    for line, topic in found:
        present.add(topic)
        if topic not in SAFETY_TOPICS:
            out.append(Problem(first_line + line - 1,
                               f"thẻ <!-- bdhvs:safety {topic} --> có chủ đề '{topic}' không có trong danh sách. "
                               f"Cách sửa: dùng một trong: {_topics_text()}.", "unknown"))
        elif topic not in wanted:
            out.append(Problem(first_line + line - 1,
                               f"trang có thẻ <!-- bdhvs:safety {topic} --> nhưng phần đầu trang không khai báo "
                               f"'{topic}' trong risks. Cách sửa: thêm {topic} vào dòng risks: […] của phần đầu trang "
                               "(chỉ bài hướng dẫn có risks), hoặc xoá thẻ.", "undeclared"))
    for topic in wanted:
        if topic not in SAFETY_TOPICS:
            out.append(Problem(risks_line, f"risks có chủ đề '{topic}' không có trong danh sách. Cách sửa: dùng "
                                           f"một trong: {_topics_text()}.", "unknown-declared"))
        elif topic not in present:
            out.append(Problem(risks_line,
                               f"bài khai báo risks: {topic} nhưng không có thẻ <!-- bdhvs:safety {topic} --> trong "
                               "bài. Cách sửa: thêm dòng đó, một mình trên một dòng, ở chỗ bà con cần đọc khung an "
                               "toàn (thường trong mục An toàn).", "missing"))
    return sorted(out, key=lambda p: p.line)


def render(block: Block, indent: str = "") -> str:
    """Markdown of a block: an admonition (works at the top level and inside a list item)."""
    title = block.title.replace('"', "”")
    body = textwrap.indent(block.body, indent + "    ", lambda line: bool(line.strip()))
    return f'{indent}!!! {ADMONITION} "{title}"\n\n{body}\n'


def expand(markdown: str, blocks: dict[str, Block]) -> str:
    """Replace each well-formed marker by its block (problems() has been checked first).
    Markers in fenced code stay as written."""
    lines = markdown.split("\n")
    out, fence = [], None
    for line in lines:
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
        match = None if fence or fence_match else MARKER.fullmatch(line)
        if match and match.group("topic") in blocks:
            out += ["", render(blocks[match.group("topic")], match.group("indent"))]
        else:
            out.append(line)
    return "\n".join(out)


def sources_for(meta: dict, blocks: dict[str, Block]) -> list[dict]:
    """The sources of the blocks a page declares, in order, each once."""
    out, seen = [], set()
    for topic in declared(meta):
        for source in blocks.get(topic, Block(topic, "", "", ())).sources:
            if source.get("url") not in seen:
                seen.add(source.get("url"))
                out.append(source)
    return out


_RISKS_KEY = re.compile(r"^risks[ \t]*:", re.M)


def check_page(meta: dict, text: str) -> list[Problem]:
    """:func:`problems` of a page's FULL text (front matter included): lines are the file's."""
    if "bdhvs:safety" not in text and not declared(meta):
        return []
    start = body_start(text)
    key = _RISKS_KEY.search(text, 0, len("\n".join(text.split("\n")[:start])))
    risks_line = text[:key.start()].count("\n") + 1 if key else 1
    body = "\n".join(text.split("\n")[start:])
    return problems(meta, body, first_line=start + 1, risks_line=risks_line)
