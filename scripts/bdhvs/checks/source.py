"""Read one editor's file defensively and describe it for the checks.

Whatever is on disk (binary junk, Windows-1258 text, a BOM, an empty or a huge file,
broken YAML), :func:`load` returns either a :class:`Document` or findings that explain
the problem in Vietnamese — never an exception.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bdhvs import settings
from bdhvs.checks import encoding
from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative

MARKDOWN_SUFFIXES = {".md", ".markdown"}
YAML_SUFFIXES = {".yml", ".yaml"}
TEXT_SUFFIXES = MARKDOWN_SUFFIXES | YAML_SUFFIXES | {".txt", ".vtt", ".csv"}
# Real pages never have lines this long; such lines are pasted junk, and refusing them keeps
# every check linear in time on hostile input.
MAX_LINE_CHARS = 5000
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif"}

_LONE_CR = re.compile(r"\r(?!\n)")
_FRONT_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)


class LineIndex:
    """Offsets in a text <-> 1-based line and column (columns count characters)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, col: int = 1) -> int:
        return self.starts[max(0, min(line - 1, len(self.starts) - 1))] + col - 1


@dataclass
class Document:
    path: Path
    name: str  # path shown to the editor (relative to the project)
    text: str
    kind: str  # "page" (docs/vi|ede Markdown), "markdown", "yaml", "text"
    lang: str | None  # page language: "vi", "ede" or None
    body_offset: int = 0  # where the Markdown body starts (after front matter)
    fm_text: str = ""  # raw YAML of the front matter
    fm_offset: int = 0  # offset of fm_text in text
    fm_node: yaml.Node | None = None
    meta: dict | None = None  # front matter as JSON-like data, dates as text (None: absent or unusable)
    data: dict | None = None  # the same with dates as datetime.date, as MkDocs gives page.meta
    lines: LineIndex = field(init=False)

    def __post_init__(self):
        self.lines = LineIndex(self.text)

    def pos(self, offset: int) -> tuple[int, int]:
        return self.lines.pos(offset)

    def at(self, offset: int, code: str, message: str | None = None, hint: str | None = None,
           severity: str | None = None) -> Finding:
        line, col = self.pos(offset)
        return finding(self.name, line, col, code, message, hint, severity)

    @property
    def body(self) -> str:
        return self.text[self.body_offset:]


def page_language(path: Path, docs_dir: Path | None = None) -> str | None:
    docs_dir = docs_dir or settings.DOCS_DIR
    try:
        parts = path.resolve().relative_to(docs_dir.resolve()).parts
    except ValueError:
        return None
    if parts and parts[0] in settings.LANGUAGES and path.suffix.lower() in MARKDOWN_SUFFIXES:
        return parts[0]
    return None


def _binary_at(data: bytes) -> int | None:
    """Offset of the first byte that makes ``data`` binary rather than text, or None:
    a NUL byte, or (in a sample where more than a tenth are control bytes) the first one."""
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        return nul
    sample = data[:4096]
    controls = [i for i, b in enumerate(sample) if b < 32 and b not in (9, 10, 12, 13, 27)]
    if sample and len(controls) / len(sample) > 0.10:
        return controls[0]
    return None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    head = data[:offset]
    line_start = head.rfind(b"\n") + 1
    return head.count(b"\n") + 1, len(head[line_start:].decode("utf-8", "replace")) + 1


def decode(name: str, data: bytes, is_word=None) -> tuple[str | None, list[Finding]]:
    """UTF-8 text of ``data`` or findings (empty, huge, binary, not UTF-8, BOM).

    Text in another encoding is returned decoded (with its FILE-NOT-UTF8 finding) when
    the guess is safe (see :mod:`encoding`), so every other check still runs on it."""
    if len(data) > settings.MAX_SOURCE_BYTES:
        return None, [finding(name, 1, 1, "FILE-TOO-BIG",
                              f"Tệp nặng {len(data):,} byte, quá giới hạn {settings.MAX_SOURCE_BYTES:,} byte của một trang")]
    if not data.strip():
        return None, [finding(name, 1, 1, "FILE-EMPTY")]
    findings: list[Finding] = []
    text16 = encoding.utf16(data)
    if text16 is not None:
        text = text16.lstrip("\ufeff")
        findings.append(finding(name, 1, 1, "FILE-NOT-UTF8",
                                f"Tệp lưu bằng bảng mã {encoding.LABELS['utf-16']}, không phải UTF-8",
                                "Chạy `bdhvs check --fix` để đổi tệp sang UTF-8; trong Notepad, khi lưu chọn Encoding: UTF-8."))
        return _long_lines(name, text, findings)
    binary = _binary_at(data)
    if binary is not None:
        return None, [_binary_finding(name, data, binary)]
    if data.startswith(b"\xef\xbb\xbf"):
        findings.append(finding(name, 1, 1, "FILE-BOM"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = encoding.guess(data, is_word)
        findings.append(_not_utf8(name, data, exc, guess))
        if guess is None or not guess.safe:
            return None, findings
        text = guess.text
    return _long_lines(name, text, findings)


def _long_lines(name: str, text: str, findings: list[Finding]) -> tuple[str | None, list[Finding]]:
    if "\r" in text:
        # Lone CR line ends (old Mac editors, some paste paths) are line ends for the
        # editor's screen: count them as such, so every finding lands on its line.
        text = _LONE_CR.sub("\n", text)
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE_CHARS:
        line = text.split("\n").index(longest) + 1
        return None, findings + [finding(name, line, 1, "FILE-LONG-LINE",
                                         f"Dòng {line} dài {len(longest):,} ký tự (tối đa {MAX_LINE_CHARS:,})")]
    return text, findings


# What a file really is, from its first bytes (an editor saved the wrong file as .md/.yml).
_MAGIC = {b"\x89PNG\r\n\x1a\n": "ảnh PNG", b"\xff\xd8\xff": "ảnh JPEG", b"GIF8": "ảnh GIF", b"RIFF": "ảnh WebP hoặc âm thanh",
          b"%PDF": "tệp PDF", b"PK\x03\x04": "tệp nén (ZIP, Word .docx, Excel .xlsx)", b"\xd0\xcf\x11\xe0": "tệp Word/Excel cũ (.doc, .xls)",
          b"\x7fELF": "chương trình máy tính", b"MZ": "chương trình Windows (.exe)"}


def _binary_finding(name: str, data: bytes, offset: int) -> Finding:
    kind = next((what for magic, what in _MAGIC.items() if data.startswith(magic)), None)
    if kind:
        return finding(name, 1, 1, "FILE-BINARY", f"Tệp này là {kind}, không phải văn bản: có lẽ lưu nhầm tên hoặc nhầm đuôi",
                       "Đặt tệp đúng chỗ với đúng đuôi (ảnh để trong docs/huong-dan/<tên-bài>/), rồi viết lại trang bằng "
                       "trình soạn thảo văn bản và lưu dạng UTF-8.")
    line, col = _line_col(data, offset)
    byte = f"byte 0x{data[offset]:02X}"
    if line == 1:
        return finding(name, 1, 1, "FILE-BINARY",
                       f"Tệp không phải văn bản (có {byte}): có thể là tệp Word, ảnh hoặc tệp nén đặt nhầm đuôi")
    return finding(name, line, col, "FILE-BINARY",
                   f"Từ dòng {line} tệp có dữ liệu nhị phân ({byte}), không phải chữ: thường do dán nhầm hoặc tệp bị hỏng",
                   f"Mở tệp bằng trình soạn thảo văn bản, xoá phần ký tự lạ từ dòng {line} rồi lưu lại dạng UTF-8; "
                   "nếu tệp đã có trong git, lấy lại bản cũ bằng `git checkout -- <tệp>`.")


def _not_utf8(name: str, data: bytes, exc: UnicodeDecodeError, guess: encoding.Guess | None) -> Finding:
    line, col = _line_col(data, exc.start)
    byte = f"Byte 0x{data[exc.start]:02X}"
    if guess is None:
        return finding(name, line, col, "FILE-NOT-UTF8",
                       f"{byte} ở dòng {line} không hợp lệ trong UTF-8, và không đoán được tệp lưu bằng bảng mã nào")
    others = len(guess.bad_lines) - 1
    where = f"Dòng {line}" + (f" (và {others} dòng khác)" if others > 0 else "")
    sample = guess.line_text(line)[:60]
    if guess.safe:
        return finding(name, line, col, "FILE-NOT-UTF8",
                       f"{where} không phải UTF-8: tệp lưu bằng bảng mã {guess.label}; đọc theo bảng mã đó là “{sample}”",
                       "Chạy `bdhvs check --fix` để đổi tệp sang UTF-8 rồi đọc lại các dòng đó; "
                       "lần sau lưu tệp với bảng mã UTF-8.")
    return finding(name, line, col, "FILE-NOT-UTF8",
                   f"{where} không phải UTF-8; có thể là bảng mã {guess.label} (“{sample}”) nhưng máy không chắc",
                   f"Trong VS Code: bấm tên bảng mã ở góc dưới bên phải → “Reopen with Encoding” → chọn "
                   f"{encoding.VSCODE_NAMES.get(guess.encoding, guess.encoding)}, xem chữ hiện đúng chưa, rồi “Save with Encoding” → UTF-8.")


def split_front_matter(doc: Document) -> list[Finding]:
    """Fill doc.fm_* and doc.meta; return FM-* findings about the YAML itself."""
    text = doc.text
    opening = _FRONT_OPEN.match(text)
    if not opening:
        if doc.kind == "page":
            return [finding(doc.name, 1, 1, "FM-MISSING")]
        return []
    closing = _FRONT_CLOSE.search(text, opening.end())
    unclosed: list[Finding] = []
    if closing:
        fm_end, body_start = closing.start(), closing.end()
    else:
        guessed = _guess_front_matter_end(text, opening.end())
        message = "Phần đầu trang mở bằng --- ở dòng 1 nhưng không có dòng --- đóng lại"
        if guessed is None:
            doc.body_offset = len(text)  # nothing else can be read reliably until it is closed
            return [finding(doc.name, 1, 1, "FM-UNCLOSED", message)]
        # Check the rest as if the line were there, so one run shows every problem.
        fm_end = body_start = guessed
        line = doc.pos(guessed)[0]
        unclosed = [finding(doc.name, 1, 1, "FM-UNCLOSED", message,
                            f"Thêm một dòng chỉ có --- ngay trước dòng {line} (sau trường cuối cùng của phần đầu trang).")]
    doc.fm_offset = opening.end()
    doc.fm_text = text[opening.end():fm_end]
    doc.body_offset = body_start
    return unclosed + _parse_front_matter(doc)


_YAMLISH = re.compile(r"^(?:[A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|-[ \t])")
_HEADING = re.compile(r"^#{1,6}[ \t]+\S")


def _guess_front_matter_end(text: str, start: int) -> int | None:
    """Offset of the line where an unclosed front matter most likely ends: the first
    Markdown heading, or the first blank line not followed by more ``key: value`` lines."""
    offset = start
    lines = text[start:].split("\n")
    for index, line in enumerate(lines):
        if _HEADING.match(line):
            return offset
        if not line.strip():
            following = next((rest for rest in lines[index + 1:] if rest.strip()), "")
            if following and not _YAMLISH.match(following):
                return offset
        offset += len(line) + 1
    return None


def _parse_front_matter(doc: Document) -> list[Finding]:
    """Parse the front matter once, through the gate's YAML reader (limits, aliases,
    duplicate keys at every depth, impossible dates — never an exception)."""
    from bdhvs.inputs import yamlsafe

    line0 = doc.pos(doc.fm_offset)[0] - 1
    parsed = yamlsafe.parse(doc.fm_text, aliases_allowed=False)
    findings = []
    for problem in parsed.problems:
        if problem.kind == "date":
            continue  # the schema reports it (FM-DATE) on the same line, with the field's name
        if problem.kind == "duplicate":
            findings.append(finding(doc.name, line0 + problem.line, problem.col, "FM-DUPLICATE-KEY",
                                    problem.message[:1].upper() + problem.message[1:], problem.hint))
        elif problem.kind == "syntax" and not problem.message.startswith("YAML"):
            findings.append(finding(doc.name, line0 + problem.line, problem.col, "FM-YAML",
                                    f"YAML sai cú pháp: {problem.message}"))
        else:
            findings.append(finding(doc.name, line0 + problem.line, problem.col, "FM-YAML",
                                    problem.message[:1].upper() + problem.message[1:], problem.hint))
    if not parsed.usable:
        return findings
    node = parsed.node
    if node is None:
        if doc.kind == "page":
            return [finding(doc.name, 1, 1, "FM-MISSING", "Phần đầu trang trống")]
        return []
    if not isinstance(node, yaml.MappingNode) or not isinstance(parsed.data, dict):
        line = line0 + node.start_mark.line + 1
        return [finding(doc.name, line, node.start_mark.column + 1, "FM-NOT-MAPPING")]
    doc.fm_node, doc.meta, doc.data = node, parsed.plain(), parsed.data
    return findings


def classify(path: Path, docs_dir: Path | None = None) -> tuple[str, str | None]:
    lang = page_language(path, docs_dir)
    if lang:
        return "page", lang
    if path.suffix.lower() in MARKDOWN_SUFFIXES:  # MkDocs builds X.MD as a page too
        return "markdown", None
    if path.suffix.lower() in YAML_SUFFIXES:
        return "yaml", None
    return "text", None


def load(path: Path, *, root: Path | None = None, docs_dir: Path | None = None,
         is_word=None) -> tuple[Document | None, list[Finding]]:
    """Read ``path``; a Document when it is usable text, plus findings about the file.
    ``is_word`` (a Vietnamese syllable test) lets a file in an old encoding be decoded."""
    name = relative(path, root or settings.ROOT)
    try:
        data = path.read_bytes()
    except (OSError, ValueError) as exc:
        return None, [finding(name, 1, 1, "FILE-UNREADABLE", f"Không mở được tệp: {exc.strerror or exc}")]
    text, findings = decode(name, data, is_word)
    if text is None:
        return None, findings
    kind, lang = classify(path, docs_dir)
    doc = Document(path=path, name=name, text=text, kind=kind, lang=lang)
    if kind in ("page", "markdown"):
        findings += split_front_matter(doc)
    return doc, findings


def node_at(root: yaml.Node | None, path) -> tuple[yaml.Node | None, yaml.Node | None]:
    """Follow a jsonschema error path through YAML nodes: (value node, key node)."""
    node, key_node = root, None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    node, key_node = v, k
                    break
            else:
                return node, key_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            return node, key_node
    return node, key_node
