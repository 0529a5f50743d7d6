"""Fast, cached YAML loading for build-time reads.

A build reads the same front matter and data files many times (both languages, several
features). PyYAML's pure-Python loader dominated the build profile; libyaml's CSafeLoader
(bundled in PyYAML's wheels) plus a cache keyed by the text makes those reads cheap.
Errors are PyYAML's own (same classes and marks), so callers' messages do not change.
Callers get a fresh copy, so mutating the result never alters the cache.
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=4096)
def _load(text: str):
    """Through the gate's YAML reader (bdhvs.inputs.yamlsafe): an alias bomb, thousands of
    nested brackets or an oversized file raise yaml.YAMLError (which callers handle) instead
    of exhausting memory; an impossible date (2026-02-30) stays the text the editor typed
    instead of raising ValueError. The gate reports both as findings."""
    from bdhvs.inputs import yamlsafe

    parsed = yamlsafe.parse(text)
    if not parsed.usable:
        if parsed.error is not None:
            raise parsed.error
        problem = parsed.problems[0]
        raise yaml.MarkedYAMLError(context=GATE_CONTEXT, problem=problem.message,
                                   problem_mark=yaml.Mark("<yaml>", 0, problem.line - 1, problem.col - 1, None, None))
    return parsed.data


GATE_CONTEXT = "bdhvs-gate"  # a limit of the gate, already worded in Vietnamese


def safe_load(text: str):
    return copy.deepcopy(_load(text))


@lru_cache(maxsize=256)
def compose(text: str):
    """The node tree of ``text`` (for line numbers), by libyaml; cached, so callers must
    not change it. On a syntax error the pure-Python parser runs again to raise, so the
    error and its line are the same as ``yaml.compose`` reports."""
    try:
        return yaml.compose(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def load_with_nodes(text: str):
    """``(data, node tree)`` of ``text``: the data to use and the nodes for line numbers."""
    return safe_load(text), compose(text)


def error_position(exc: yaml.YAMLError, text: str | None = None) -> tuple[int, int]:
    """1-based (line, column) where a YAML syntax error STARTS, (1, 1) when PyYAML gives none.

    PyYAML's ``problem_mark`` is where the reader gave up, often lines later: an unclosed
    quote on line 2 is noticed at the end of the file. The ``context_mark`` of a scanner
    error ("while scanning a quoted scalar") or of an unclosed ``[``/``{`` is where the
    token began, so it is used then. With ``text``, a quoted value that swallowed the next
    ``key:`` lines (its closing quote is missing) is found even when the reader stopped
    somewhere else."""
    return describe_error(exc, text)[:2]


def describe_error(exc: yaml.YAMLError, text: str | None = None) -> tuple[int, int, str]:
    """(line, column, Vietnamese explanation) of a YAML syntax error, for editors."""
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    if cmark is not None and (context.startswith("while scanning") or context.startswith("while parsing a flow")):
        mark = cmark
    runaway = _runaway_quote(text) if text is not None else None
    if runaway is not None and (mark is None or runaway[0] <= mark.line + 1):
        line, col, quote = runaway
        return line, col, _unclosed(quote)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    quote = '"'
    if mark is not None and text is not None and context.startswith("while scanning a quoted scalar"):
        quote = text.split("\n")[mark.line][mark.column:mark.column + 1] or quote
    return line, col, problem_vi(problem, context, quote)


_PROBLEMS = {
    "mapping values are not allowed here": "có dấu hai chấm ':' ở chỗ không được phép — đặt giá trị trong ngoặc kép",
    "could not find expected ':'": "thiếu dấu hai chấm ':' sau tên trường",
    "found character '\\t' that cannot start any token": "có ký tự Tab — thụt lề bằng dấu cách",
    "found undefined alias": "có dấu * ở đầu giá trị — đặt giá trị trong ngoặc kép",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không đều",
    "found unexpected ':'": "có dấu hai chấm ':' ở chỗ không được phép — đặt giá trị trong ngoặc kép",
    "found character '@' that cannot start any token": "giá trị bắt đầu bằng @ — đặt giá trị trong ngoặc kép",
    "found character '`' that cannot start any token": "giá trị bắt đầu bằng ` — đặt giá trị trong ngoặc kép",
    "could not determine a constructor": "có thẻ YAML lạ (bắt đầu bằng !) — máy không đọc loại giá trị này; "
                                         "xoá thẻ, viết giá trị bình thường",
    "found unhashable key": "khoá phải là chữ, không phải danh sách hay nhóm",
}


def _unclosed(quote: str) -> str:
    what = "ngoặc kép" if quote == '"' else "nháy đơn"
    return f"dấu {what} {quote} mở ở đây chưa được đóng — thêm {quote} ở cuối giá trị trên dòng này"


def problem_vi(problem: str, context: str = "", quote: str = '"') -> str:
    """PyYAML's English problem in plain Vietnamese (the original text when unknown)."""
    if context == GATE_CONTEXT:
        return problem
    if context.startswith("while scanning a quoted scalar"):
        return _unclosed(quote)
    if context.startswith("while parsing a flow sequence"):
        return "dấu [ mở ở đây chưa được đóng — thêm ] ở cuối danh sách, các mục cách nhau bằng dấu phẩy"
    if context.startswith("while parsing a flow mapping"):
        return "dấu { mở ở đây chưa được đóng — thêm } ở cuối, các mục cách nhau bằng dấu phẩy"
    for english, vietnamese in _PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    if problem.startswith("found unexpected end of stream"):
        return "tệp kết thúc giữa chừng — thiếu dấu đóng ngoặc"
    if "expected" in problem and ("block end" in problem or "expected key" in problem):
        return "thụt lề không đều"
    return f"{problem} (thông báo gốc của trình đọc YAML)"


_KEY_LINE = re.compile(r"^\s*[A-Za-z_][\w-]*\s*:(?:\s|$)")


def _runaway_quote(text: str) -> tuple[int, int, str] | None:
    """(line, column, quote) of the first quoted value that runs over lines that look
    like ``key: value``: its closing quote is missing (nobody means a quoted value to
    hold the next fields)."""
    try:
        tokens = []
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            tokens.append(token)
    except yaml.YAMLError:
        pass
    lines = text.split("\n")
    for token in tokens:
        if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
            start, end = token.start_mark, token.end_mark
            if end.line > start.line and any(_KEY_LINE.match(lines[n]) for n in range(start.line + 1, min(end.line + 1, len(lines)))):
                return start.line + 1, start.column + 1, token.style
    return None
