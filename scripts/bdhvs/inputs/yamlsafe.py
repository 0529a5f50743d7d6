"""YAML as the gate reads it: limits first, then one parse that never raises.

Whatever an editor (or an attacker) writes — an alias bomb ("billion laughs"), thousands
of nested brackets, a ``!!python/…`` tag, an impossible date such as 2026-02-30 (PyYAML
raises ValueError while constructing it), a key written twice at any depth — :func:`parse`
returns the data it could read plus :class:`Problem` items (line, column, Vietnamese
message) that the callers turn into findings of their own code family (FM-… for front
matter, DATA-… for data files). No exception leaves this module.

Limits (settings.py): YAML_MAX_BYTES, YAML_MAX_ALIASES, YAML_MAX_DEPTH. They are checked
on the event stream (libyaml's parser, nothing is built yet), so a hostile file costs
linear time and no memory.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml

from bdhvs import settings, yamlfast

_CLOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based, in the parsed text
    col: int
    kind: str  # "syntax", "limit", "alias", "duplicate", "date"
    message: str  # Vietnamese: what is wrong
    hint: str = ""  # Vietnamese: how to fix it


@dataclass
class Parsed:
    data: object = None  # YAML data; valid dates as datetime.date, impossible ones kept as text
    node: yaml.Node | None = None  # node tree, for line numbers (None when unusable)
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True  # False: syntax error or limit; ``data`` is None
    error: yaml.YAMLError | None = None  # PyYAML's own exception for a syntax error

    def plain(self):
        """``data`` as JSON would hold it (dates as ISO text), for JSON Schemas."""
        return plain(self.data)


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _GateLoader(_CLOADER):  # type: ignore[misc, valid-type]
    """libyaml's safe loader that records (instead of raising) impossible dates and
    duplicate keys, at every depth."""

    def __init__(self, stream):
        super().__init__(stream)
        self.gate_problems: list[Problem] = []

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            mark = node.start_mark
            self.gate_problems.append(Problem(
                mark.line + 1, mark.column + 1, "date", f"ngày '{node.value}' không có thật",
                "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-02-28 (tháng 1–12, ngày đúng với tháng)."))
            return node.value

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = key_node.value
                line = key_node.start_mark.line + 1
                if key in seen:
                    self.gate_problems.append(Problem(
                        line, key_node.start_mark.column + 1, "duplicate",
                        f"khoá '{key}' viết hai lần trong cùng một nhóm (lần đầu ở dòng {seen[key]}); "
                        "YAML chỉ giữ lần viết sau, lần trước bị bỏ mất",
                        "Xoá một trong hai dòng, giữ lại giá trị đúng."))
                else:
                    seen[key] = line
        return super().construct_mapping(node, deep=deep)


_GateLoader.add_constructor("tag:yaml.org,2002:timestamp", _GateLoader.construct_yaml_timestamp)
_GateLoader.add_constructor("tag:yaml.org,2002:map", _GateLoader.construct_yaml_map)


def _limits(text: str, *, aliases_allowed: bool) -> Problem | None:
    """The first limit ``text`` breaks, read from libyaml's event stream (nothing built)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.YAML_MAX_BYTES:
        return Problem(1, 1, "limit", f"tệp YAML nặng {size:,} byte, quá giới hạn {settings.YAML_MAX_BYTES:,} byte",
                       "Chia dữ liệu thành tệp nhỏ hơn, hoặc xoá phần dán nhầm.")
    depth = aliases = expanded = 0
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for once expanded
    open_: list[tuple[str | None, int]] = []  # (anchor, expanded count at its start)
    try:
        for event in yaml.parse(text, Loader=_CLOADER):
            mark = event.start_mark
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                expanded += 1
                open_.append((event.anchor, expanded - 1))
                if depth > settings.YAML_MAX_DEPTH:
                    return Problem(mark.line + 1, mark.column + 1, "limit",
                                   f"dữ liệu lồng nhau quá {settings.YAML_MAX_DEPTH} tầng (nhiều dấu [ hoặc {{ liền nhau)",
                                   "Viết lại giá trị cho đơn giản; dữ liệu của trang không cần lồng sâu như vậy.")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                anchor, start = open_.pop() if open_ else (None, expanded)
                if anchor:
                    sizes[anchor] = expanded - start
            elif isinstance(event, yaml.ScalarEvent):
                expanded += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                expanded += sizes.get(event.anchor, 1)
                if not aliases_allowed:
                    return Problem(mark.line + 1, mark.column + 1, "alias",
                                   "YAML dùng bí danh (*tên): phần đầu trang không được dùng & và *",
                                   "Viết thẳng giá trị, không dùng & và * trong phần đầu trang.")
                if expanded > settings.YAML_MAX_NODES or aliases > settings.YAML_MAX_ALIASES:
                    return Problem(mark.line + 1, mark.column + 1, "alias",
                                   "bí danh (*tên) nhân dữ liệu lên quá nhiều lần (quá "
                                   f"{settings.YAML_MAX_NODES:,} giá trị hoặc {settings.YAML_MAX_ALIASES} bí danh): "
                                   "có thể là “bom bí danh” làm máy hết bộ nhớ",
                                   "Viết thẳng giá trị, không dùng & và *.")
    except yaml.YAMLError:
        return None  # a syntax error: reported (with its best line) by the parse itself
    except (UnicodeError, ValueError):  # a lone surrogate (U+D800…) cannot be read as text
        return Problem(1, 1, "syntax", "tệp có ký tự không hợp lệ (mã UTF-16 lẻ, không phải chữ)",
                       "Xoá ký tự lạ rồi lưu lại tệp dạng UTF-8.")
    return None


def parse(text: str, *, aliases_allowed: bool = True) -> Parsed:
    """Read ``text``; never raises. ``aliases_allowed=False`` for front matter."""
    limit = _limits(text, aliases_allowed=aliases_allowed)
    if limit is not None:
        if limit.kind == "syntax":
            return Parsed(problems=[limit], usable=False, error=None)
        return Parsed(problems=[limit], usable=False)
    loader = _GateLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        exc = _python_error(text) or exc  # PyYAML's own parser marks the line an editor expects
        line, col, problem = yamlfast.describe_error(exc, text)
        return Parsed(problems=[Problem(line, col, "syntax", problem,
                                        "Kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép.")],
                      usable=False, error=exc)
    except (ValueError, TypeError, RecursionError, MemoryError, UnicodeError) as exc:  # unhashable key…
        return Parsed(problems=[Problem(1, 1, "syntax", f"YAML không dùng được ({type(exc).__name__})",
                                        "Kiểm tra lại tệp: khoá phải là chữ, không phải danh sách hay nhóm.")],
                      usable=False)
    finally:
        loader.dispose()
    return Parsed(data, node, list(loader.gate_problems))


def _python_error(text: str) -> yaml.YAMLError | None:
    """The error PyYAML's pure-Python parser raises on ``text`` (its marks are the ones
    the messages were written for; libyaml's sometimes point elsewhere)."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return exc
    except (ValueError, TypeError, RecursionError):
        return None
    return None
