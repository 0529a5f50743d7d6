"""The ONE reader of YAML data files: bytes → :class:`DataRecord` (data + findings at the line).

Each file of data/ has ONE JSON Schema here (plus the few rules a schema cannot say, such
as "an Ede word needs its source"), and one code family: a broken file gives DATA-YAML /
DATA-DUPLICATE-KEY / DATA-ENTRY (VID001 for data/videos.yml) findings on the line of the
problem and never raises. `bdhvs check` (with or without a build), the build (the gate
feature), the browser editor's config generator and the search indexer all read data
files through :func:`read`, so every road reports the same problems the same way. Media
YAML (docs/huong-dan/<slug>/*.yml) goes through :func:`read_path` with its own schema.
"""
from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jsonschema

from bdhvs import settings
from bdhvs.checks import source
from bdhvs.checks.codes import finding
from bdhvs.findings import ERROR, Finding, relative
from bdhvs.inputs import yamlsafe

_TEXT = {"type": "string", "minLength": 1}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_HTTPS = {"type": "string", "pattern": r"^https://\S+$"}
_STATUS = {"enum": ["wanted", "sourced", "reviewed"]}

GLOSSARY_TERM = {
    "type": "object",
    "required": ["term", "definition", "source"],
    "properties": {
        "term": _TEXT,
        "definition": _TEXT,
        "source": {"type": "object", "required": ["title", "url"],
                   "properties": {"title": _TEXT, "url": _HTTPS}},
        "ede": _TEXT_OR_NULL,
        "ede_status": _STATUS,
        "ede_source": _TEXT_OR_NULL,
        "also": {"type": "array", "items": {"type": "string", "pattern": r"\S"}},
        "secret": {"type": ["string", "null"], "pattern": r"\S"},
    },
}
GLOSSARY = {"oneOf": [
    {"type": "object", "required": ["terms"], "properties": {"terms": {"type": "array", "items": GLOSSARY_TERM}}},
    {"type": "array", "items": GLOSSARY_TERM},
]}
EDE_WORD = {
    "type": "object", "required": ["vi"],
    "properties": {"ede": _TEXT_OR_NULL, "vi": _TEXT, "source": _TEXT_OR_NULL, "status": _STATUS,
                   "note": _TEXT_OR_NULL},
}
EDE_UI = {
    "type": "object", "required": ["key"],
    "properties": {"key": _TEXT, "vi": {"type": ["string", "null"]}, "ede": _TEXT_OR_NULL, "source": _TEXT_OR_NULL,
                   "status": _STATUS, "reviewer": _TEXT_OR_NULL, "note": _TEXT_OR_NULL},
}
_LIST_OR_NULL = {"type": ["array", "null"]}
_HOST_NAME = r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$"
DOMAINS = {
    "type": "object",
    "properties": {
        "domains": {"type": "array", "items": {
            "type": "object", "required": ["domain", "owner", "source", "evidence", "status", "use"],
            # a host name as a browser writes it (lower case, no scheme, path or "*."):
            # the URL policy matches hosts exactly, so anything else would never match anyway
            "properties": {"domain": {"type": "string", "pattern": _HOST_NAME}, "owner": _TEXT, "source": _TEXT,
                           "evidence": _TEXT,
                           "status": {"enum": ["ok", "verified", "uncertain", "not-found"]},
                           "use": {"enum": ["link", "source"]},
                           # shown to citizens by <!-- bdhvs:official-addresses -->: one plain sentence
                           "official": {"type": "string", "pattern": r"\S"},
                           "prefixes": {"type": "array", "items": _TEXT}}}},
        "shorteners": {"type": "array", "items": _TEXT},
        "source_suffixes": {"type": "array", "items": _TEXT},
    },
}
HOME_ENTRY = {"type": "object", "required": ["label", "page"],
              "properties": {"label": {"type": "string", "pattern": r"\S"},
                             "page": {"type": "string", "pattern": r"\.md$"}}}
HOME = {
    "type": "object",
    "required": ["emergency", "tasks"],
    "properties": {"emergency": {"type": "array", "minItems": 1, "items": HOME_ENTRY},
                   "tasks": {"type": "array", "minItems": 1, "items": HOME_ENTRY}},
}

HOTLINES = {
    "type": "object",
    "properties": {
        "hotlines": {"type": "array", "items": {
            "type": "object", "required": ["number", "what", "status", "source"],
            "properties": {"number": {"type": ["string", "integer"]}, "what": _TEXT, "status": _TEXT, "source": _TEXT}}},
        "emails": {"type": "array", "items": {
            "type": "object", "required": ["email", "what", "status", "source"],
            "properties": {"email": _TEXT, "what": _TEXT, "status": _TEXT, "source": _TEXT}}},
    },
}
CONFUSABLES = {
    "type": "object",
    "properties": {
        "confusables": {"type": "array", "items": {
            "type": "object", "required": ["wrong", "right", "reason", "source"],
            "properties": {"wrong": {"type": ["array", "string"]}, "right": _TEXT, "reason": _TEXT, "source": _TEXT}}},
        "names": {"type": "array", "items": {
            "type": "object", "required": ["right", "source"],
            "properties": {"wrong": _LIST_OR_NULL, "right": _TEXT, "source": _TEXT}}},
    },
}
SYNONYMS = {
    "type": "object",
    "properties": {
        "question_words": {"type": "array", "items": {"type": ["string", "number"]}},
        "function_words": {"type": "array", "items": {"type": ["string", "number"]}},
        "synonyms": {"type": "array", "items": {
            "type": "object", "required": ["words"],
            "properties": {"words": {"type": "array", "minItems": 1, "items": {"type": ["string", "number"]}},
                           "source": _TEXT, "glossary": _TEXT, "note": _TEXT}}},
    },
}


@dataclass
class DataRecord:
    path: Path
    name: str  # relative to the project root
    data: object = None  # the whole file (valid dates as datetime.date); None when unusable
    lines: dict[tuple, int] = field(default_factory=dict)  # data path -> line
    findings: list[Finding] = field(default_factory=list)
    exists: bool = True
    node: object = None  # the YAML node tree (for modules that point at nodes)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def line(self, *path) -> int:
        for end in range(len(path), -1, -1):
            if tuple(path[:end]) in self.lines:
                return self.lines[tuple(path[:end])]
        return 1

    def items(self, key: str | None = None) -> list[tuple[dict, int, tuple]]:
        """(entry, line, data path) of each mapping in the file's list (under ``key``, or
        the top-level list); entries the schema refused are left out."""
        data, prefix = self.data, ()
        if key is not None:
            data = data.get(key) if isinstance(data, dict) else None
            prefix = (key,)
        if not isinstance(data, list):
            return []
        bad = {f.line for f in self.errors}
        out = []
        for index, entry in enumerate(data):
            path = prefix + (index,)
            start = self.line(*path)
            end = self.line(*prefix, index + 1) if index + 1 < len(data) else 10 ** 9
            if isinstance(entry, dict) and not any(start <= b < end for b in bad):
                out.append((entry, start, path))
        return out


Rule = Callable[[DataRecord], list[Finding]]


@dataclass(frozen=True, eq=False)  # hashed by identity (lru_cache keys)
class Spec:
    schema: dict
    code: str = "DATA-ENTRY"  # schema and rule errors
    yaml_code: str = "DATA-YAML"  # unreadable YAML
    list_key: str | None = None  # where the entries are
    rules: tuple[Rule, ...] = ()


def _ede_rules(status_key: str, source_key: str, default_status: str) -> Rule:
    def rule(rec: DataRecord) -> list[Finding]:
        out = []
        for entry, line, _ in rec.items(_entries_key(rec.data)):
            ede, source_ = entry.get("ede"), entry.get(source_key)
            status = entry.get(status_key) or default_status
            what = entry.get("term") or entry.get("key") or entry.get("vi") or entry.get("ede")
            if status in ("sourced", "reviewed") and not ede:
                out.append(finding(rec.name, line, 1, "DATA-ENTRY", f"'{what}': {status_key} {status} nhưng chưa có chữ Êđê (ede)",
                                   "Điền chữ Êđê có nguồn, hoặc để trạng thái wanted."))
            elif ede and status == "wanted":
                out.append(finding(rec.name, line, 1, "DATA-ENTRY", f"'{what}': có chữ Êđê nhưng {status_key} vẫn là wanted",
                                   "Ghi nguồn và đổi thành sourced (có nguồn) hoặc reviewed (người bản ngữ đã duyệt)."))
            if ede and not source_:
                out.append(finding(rec.name, line, 1, "DATA-ENTRY", f"'{what}': chữ Êđê “{ede}” chưa ghi nguồn ({source_key})",
                                   "Không tự đặt chữ Êđê; chỉ ghi chữ có nguồn, không có nguồn thì để wanted."))
            if isinstance(ede, str) and not unicodedata.is_normalized("NFC", ede):
                out.append(finding(rec.name, line, 1, "DATA-ENTRY", f"'{what}': chữ Êđê “{ede}” chưa ở dạng chuẩn NFC",
                                   "Chạy `bdhvs check --fix`."))
            if status_key == "status" and "key" in entry and status == "reviewed" and not entry.get("reviewer"):
                out.append(finding(rec.name, line, 1, "DATA-ENTRY", f"'{what}': status reviewed cần 'reviewer'",
                                   "Ghi vai trò người duyệt, ví dụ \"Giáo viên tiếng Êđê trường …\"."))
        return out
    return rule


def _entries_key(data) -> str | None:
    """glossary.yml keeps its list under ``terms:`` (a bare list is accepted too)."""
    return "terms" if isinstance(data, dict) and "terms" in data else None


def _unique(field_name: str, fold=str.strip) -> Rule:
    def rule(rec: DataRecord) -> list[Finding]:
        out, seen = [], {}
        for entry, line, _ in rec.items(_entries_key(rec.data)):
            value = entry.get(field_name)
            if not isinstance(value, str):
                continue
            norm = fold(value)
            if norm in seen:
                out.append(finding(rec.name, line, 1, "DATA-ENTRY",
                                   f"'{value}' bị lặp: xuất hiện hai lần (lần đầu ở dòng {seen[norm]})", "Xoá một mục, giữ một mục cho mỗi giá trị."))
            else:
                seen[norm] = line
        return out
    return rule


@functools.cache
def _videos_spec() -> Spec:
    from bdhvs.media import video  # the register's schema lives with the video code

    return Spec(video.SCHEMA, code="VID001", yaml_code="VID001")


SPECS: dict[str, Spec] = {
    "glossary.yml": Spec(GLOSSARY, rules=(_ede_rules("ede_status", "ede_source", "wanted"), _unique("term"))),
    "ede-words.yml": Spec({"type": "array", "items": EDE_WORD}, rules=(_ede_rules("status", "source", "sourced"),)),
    "ede-ui.yml": Spec({"type": "array", "items": EDE_UI},
                       rules=(_ede_rules("status", "source", "wanted"), _unique("key"))),
    "domains.yml": Spec(DOMAINS),
    "hotlines.yml": Spec(HOTLINES),
    "home.yml": Spec(HOME),
    "confusables-vi.yml": Spec(CONFUSABLES),
    "search-synonyms.yml": Spec(SYNONYMS),
    "videos.yml": Spec({}, code="VID001", yaml_code="VID001"),  # schema: media/video.py (one place)
}


def read(filename: str, data_dir: Path | None = None, *, root: Path | None = None) -> DataRecord:
    """The record of data/<filename> (a missing file is an empty, valid record)."""
    data_dir = Path(data_dir or settings.DATA_DIR)
    spec = SPECS[filename]
    if filename == "videos.yml":
        spec = _videos_spec()
    return read_path(data_dir / filename, spec, root=root)


_LINK_HINT = ("Xoá liên kết tượng trưng (symlink) này và đặt vào đây tệp thật (đã kiểm tra). Trang không đọc hay "
              "ghi tệp dữ liệu qua liên kết: liên kết có thể trỏ tới tệp bí mật của máy dựng trang, hoặc làm máy "
              "ghi đè lên tệp đó.")


def link_finding(path: Path, root: Path) -> Finding:
    """PUB-SYMLINK for a symbolic link where a data file should be (never followed)."""
    try:  # the link's own place (relative() would resolve it to its target)
        name = Path(os.path.abspath(path)).relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        name = relative(path, root)
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return finding(name, 1, 1, "PUB-SYMLINK", f"“{name}” là liên kết tượng trưng (symlink) tới “{target}”: "
                   "tệp dữ liệu không được đọc qua liên kết", _LINK_HINT)


def linked_files(data_dir: Path, root: Path) -> list[Finding]:
    """Every symbolic link under data/ (files and folders, not followed)."""
    out = []
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        for name in sorted(dirs + files):
            if (Path(folder) / name).is_symlink():
                out.append(link_finding(Path(folder) / name, root))
    return out


def read_path(path: Path, spec: Spec, *, root: Path | None = None) -> DataRecord:
    if path.is_symlink():  # read as if absent, reported by check_all (linked_files)
        return DataRecord(path, relative(path, Path(root or settings.ROOT)), exists=False, data=None)
    try:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = None
    return _read_cached(path, stamp, spec, Path(root or settings.ROOT))


@functools.lru_cache(maxsize=256)
def _read_cached(path: Path, stamp, spec: Spec, root: Path) -> DataRecord:
    name = relative(path, root)
    if stamp is None:
        return DataRecord(path, name, exists=False, data=None)
    if stamp[0] > settings.YAML_MAX_BYTES:
        return DataRecord(path, name, findings=[finding(
            name, 1, 1, spec.yaml_code, f"Tệp nặng {stamp[0]:,} byte, quá giới hạn {settings.YAML_MAX_BYTES:,} byte của một tệp dữ liệu",
            "Chia dữ liệu thành tệp nhỏ hơn, hoặc xoá phần dán nhầm.")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return DataRecord(path, name, findings=[finding(name, 1, 1, "FILE-UNREADABLE",
                                                        f"Không mở được tệp: {exc.strerror or exc}")])
    text, findings = source.decode(name, raw)
    if text is None:
        return DataRecord(path, name, findings=findings)
    return _from_text(path, name, text, spec, list(findings))


def _from_text(path: Path, name: str, text: str, spec: Spec, findings: list[Finding]) -> DataRecord:
    parsed = yamlsafe.parse(text)
    for problem in parsed.problems:
        code = {"duplicate": "DATA-DUPLICATE-KEY", "date": spec.code}.get(problem.kind, spec.yaml_code)
        if code == "DATA-DUPLICATE-KEY" and spec.code != "DATA-ENTRY":
            code = spec.code  # a family of its own (VID001) keeps its code
        message = problem.message[:1].upper() + problem.message[1:]
        if problem.kind == "syntax":
            message = f"YAML sai cú pháp: {problem.message}"
        findings.append(finding(name, problem.line, problem.col, code, message, problem.hint))
    if not parsed.usable:
        return DataRecord(path, name, findings=findings)
    from bdhvs.media.spec import node_lines

    lines = node_lines(parsed.node) if parsed.node is not None else {(): 1}
    record = DataRecord(path, name, parsed.data, lines, findings, node=parsed.node)
    if parsed.data is None:
        return record
    validator = jsonschema.Draft202012Validator(spec.schema)
    for error in sorted(validator.iter_errors(parsed.plain()), key=lambda e: [str(p) for p in e.absolute_path]):
        for leaf in _leaves(error):
            where = tuple(leaf.absolute_path)
            findings.append(finding(name, record.line(*where), 1, spec.code, f"{_where(where, parsed.data)}: {_vi(leaf)}",
                                    "Xem mẫu ở đầu tệp và data/README.md."))
    for rule in spec.rules:
        findings += rule(record)
    return record


def _leaves(error: jsonschema.ValidationError):
    """For oneOf (glossary: {terms: […]} or a bare list), the errors of the branch that
    fits the file's shape."""
    if error.validator == "oneOf" and error.context:
        by_branch: dict[int, list] = {}
        for sub in error.context:
            by_branch.setdefault(sub.schema_path[0], []).append(sub)
        shape_ok = [errs for errs in by_branch.values() if not any(e.validator == "type" and not e.path for e in errs)]
        if shape_ok:
            return min(shape_ok, key=len)
    return [error]


_NAMES = ("term", "key", "domain", "number", "email", "ede", "right", "youtube", "file", "vi")


def _where(path: tuple, data=None) -> str:
    """'domains → mục 2 (vneid.gov.vn) → status': where a problem is, with the entry's name."""
    parts, node = [], data
    for p in path:
        node = node[p] if isinstance(node, (list, dict)) and (isinstance(node, dict) and p in node or
                                                               isinstance(node, list) and isinstance(p, int) and p < len(node)) else None
        if isinstance(p, int):
            name = next((node[k] for k in _NAMES if isinstance(node, dict) and isinstance(node.get(k), (str, int))), None)
            parts.append(f"mục {p + 1}" + (f" ({name})" if name is not None else ""))
        else:
            parts.append(str(p))
    return " → ".join(parts) or "tệp"


def _vi(error: jsonschema.ValidationError) -> str:
    v = error.validator
    if v == "required":
        return "thiếu trường " + error.message.split(" ")[0]
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return "trường không hợp lệ: " + ", ".join(extra)
    if v == "enum":
        options = [str(o) for o in error.validator_value]
        listed = ", ".join(options[:-1]) + " hoặc " + options[-1] if len(options) > 1 else options[0]
        return f"giá trị {error.instance!r} không hợp lệ; chỉ dùng {listed}"
    if v == "pattern":
        if "https" in str(error.validator_value):
            return f"địa chỉ {error.instance!r} phải bắt đầu bằng https://"
        if error.validator_value == _HOST_NAME:
            return (f"tên miền {str(error.instance)[:80]!r} không đúng dạng: chỉ ghi tên miền chữ thường, "
                    "không có https://, đường dẫn hay dấu * (ví dụ dichvucong.gov.vn)")
        return f"giá trị {error.instance!r} không đúng dạng"
    if v == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = {"string": "chữ", "array": "danh sách (mỗi mục một dòng “- …”)", "object": "nhóm trường",
                 "integer": "số", "number": "số", "null": "để trống"}
        return f"giá trị {error.instance!r} phải là {' hoặc '.join(names.get(k, k) for k in kinds)}"
    if v == "minLength":
        return "không được để trống"
    if v == "minItems":
        return "danh sách không được trống"
    if v == "oneOf":
        keys = [b["required"][0] for b in error.validator_value if isinstance(b, dict) and b.get("required")]
        if keys and len(keys) == len(error.validator_value):
            return "phải có đúng một trong các trường " + ", ".join(f"'{k}'" for k in keys)
        return "không đúng mẫu của tệp"
    return error.message


def check_all(data_dir: Path | None = None, *, root: Path | None = None) -> list[Finding]:
    """Findings of every known data file (what `bdhvs check` and the build report)."""
    out: list[Finding] = []
    for filename in SPECS:
        out += read(filename, data_dir, root=root).findings
    return out + linked_files(Path(data_dir or settings.DATA_DIR), Path(root or settings.ROOT))


def clear_cache() -> None:
    _read_cached.cache_clear()
