"""Load a YAML data file and validate it against a JSON Schema, with line numbers."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from bdhvs import yamlfast
from bdhvs.findings import Finding, relative
from bdhvs.media.spec import node_lines


def load(path: Path, schema: dict, code: str, *, root: Path | None = None):
    """Return ``(data, lines, findings)``; ``data`` is None when the file is unusable."""
    rel = relative(path, root)
    text = None
    try:
        text = path.read_text(encoding="utf-8")
        data, node = yamlfast.load_with_nodes(text)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        if isinstance(exc, yaml.YAMLError):
            line, _, problem = yamlfast.describe_error(exc, text)
        else:
            line, problem = 1, "tệp không lưu bằng bảng mã UTF-8"
        return None, {}, [Finding(rel, line, 1, code, f"Không đọc được tệp YAML: {problem}",
                                  "Kiểm tra thụt lề (dấu cách, không dùng Tab), dấu hai chấm và dấu ngoặc kép.")]
    lines = node_lines(node) if node is not None else {(): 1}
    data = _plain(data)
    findings = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
        path_ = tuple(error.absolute_path)
        line = next((lines[path_[:i]] for i in range(len(path_), -1, -1) if path_[:i] in lines), 1)
        where = " → ".join(str(p if not isinstance(p, int) else f"mục {p + 1}") for p in path_) or "tệp"
        findings.append(Finding(rel, line, 1, code, f"{where}: {_vi(error)}",
                                "Xem mẫu ở đầu tệp và trong docs-dev/media.md."))
    return (None if findings else data), lines, findings


def _vi(error: jsonschema.ValidationError) -> str:
    v = error.validator
    if v == "required":
        return "thiếu khoá " + error.message.split(" ")[0]
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return "khoá không hợp lệ: " + ", ".join(extra)
    if v == "pattern":
        return f"giá trị {error.instance!r} không đúng dạng"
    if v == "type":
        return f"giá trị {error.instance!r} không đúng kiểu ({error.validator_value})"
    if v == "oneOf":
        return "mỗi video phải có đúng một trong hai khoá 'youtube' hoặc 'file'"
    return error.message


def _plain(value):
    """YAML reads 2026-11-25 as a date: keep dates as ISO text, like JSON would."""
    import datetime

    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
