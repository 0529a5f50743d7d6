"""The annotation file that sits beside each screenshot: ``<name>.yml``.

Format (all coordinates in pixels of the ORIGINAL screenshot, origin top-left,
rectangles as ``[x, y, width, height]``)::

    alt: Ô tìm kiếm của cửa hàng ứng dụng      # alt text when the Markdown has none
    caption: Gõ VNeID vào ô tìm kiếm            # optional caption under the image
    crop: [0, 120, 1080, 1400]                   # optional: keep only this part
    max_width: 720                               # optional: 240..1440 (default 720)
    redact:                                      # personal data: pixels are DESTROYED
      - [40, 300, 600, 60]                       #   solid fill (default)
      - {area: [40, 400, 600, 60], style: pixelate}   # or heavy pixelation
    callouts:                                    # numbered circles = step numbers
      - {number: 2, at: [540, 210]}
    boxes:                                       # highlight rectangles
      - [30, 170, 1020, 90]
    arrows:
      - {from: [540, 600], to: [540, 280]}
    sketch:                                      # ONLY when there is no screenshot yet
      source: "egov-facts.md §1.5 (Báo Chính phủ 2024)"   # where the labels come from
      title: VNeID                               # title bar text
      items:
        - {text: "Đăng nhập"}
        - {field: "Số định danh cá nhân"}
        - {field: "Mật khẩu"}
        - {button: "Đăng nhập", target: true, callout: 3}
        - {link: "Quên mật khẩu"}

Validation findings carry the YAML line of the offending value and a Vietnamese
message with a hint.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from bdhvs.findings import Finding, relative
from bdhvs.checks.codes import finding  # the ONE code registry

DEFAULT_MAX_WIDTH = 720
_INT = {"type": "integer", "minimum": 0}
_POINT = {"type": "array", "items": _INT, "minItems": 2, "maxItems": 2}
_RECT = {"type": "array", "items": _INT, "minItems": 4, "maxItems": 4}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 80}

SKETCH_ITEM_KINDS = ("text", "field", "button", "link", "note")

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "alt": {"type": "string", "minLength": 1},
        "caption": {"type": "string", "minLength": 1},
        "crop": _RECT,
        "max_width": {"type": "integer", "minimum": 240, "maximum": 1440},
        "redact": {
            "type": "array",
            "items": {
                "oneOf": [
                    _RECT,
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["area"],
                        "properties": {"area": _RECT, "style": {"enum": ["solid", "pixelate"]}},
                    },
                ]
            },
        },
        "callouts": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["number", "at"],
                "properties": {"number": {"type": "integer", "minimum": 1, "maximum": 99}, "at": _POINT},
            },
        },
        "boxes": {"type": "array", "items": _RECT},
        "arrows": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["from", "to"],
                "properties": {"from": _POINT, "to": _POINT},
            },
        },
        "sketch": {
            "type": "object",
            "additionalProperties": False,
            "required": ["source", "title", "items"],
            "properties": {
                "source": {"type": "string", "minLength": 3},
                "title": _TEXT,
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 12,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "minProperties": 1,
                        "properties": {
                            **{kind: _TEXT for kind in SKETCH_ITEM_KINDS},
                            "target": {"type": "boolean"},
                            "callout": {"type": "integer", "minimum": 1, "maximum": 99},
                        },
                    },
                },
            },
        },
    },
}

# Vietnamese explanation of each top-level key, used in messages.
KEY_HELP = {
    "alt": "mô tả ảnh cho người không nhìn thấy",
    "caption": "chú thích dưới ảnh",
    "crop": "cắt ảnh: [x, y, rộng, cao]",
    "max_width": "chiều rộng tối đa (240 đến 1440 điểm ảnh)",
    "redact": "vùng che thông tin cá nhân: [x, y, rộng, cao]",
    "callouts": "số thứ tự bước: {number: 2, at: [x, y]}",
    "boxes": "khung tô sáng: [x, y, rộng, cao]",
    "arrows": "mũi tên: {from: [x, y], to: [x, y]}",
    "sketch": "hình minh hoạ khi chưa có ảnh chụp màn hình",
}


@dataclass
class Redaction:
    rect: tuple[int, int, int, int]
    style: str = "solid"


@dataclass
class SketchItem:
    kind: str
    label: str
    target: bool = False
    callout: int | None = None


@dataclass
class Sketch:
    source: str
    title: str
    items: list[SketchItem]


@dataclass
class Spec:
    path: Path | None = None
    alt: str | None = None
    caption: str | None = None
    crop: tuple[int, int, int, int] | None = None
    max_width: int = DEFAULT_MAX_WIDTH
    redact: list[Redaction] = field(default_factory=list)
    callouts: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    arrows: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    sketch: Sketch | None = None
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)  # JSON path -> line

    def line_of(self, *path) -> int:
        """1-based YAML line of the value at ``path`` (closest known parent)."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def node_lines(node, path=(), out=None) -> dict[tuple, int]:
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.setdefault(path + (key.value,), key.start_mark.line + 1)
            node_lines(value, path + (key.value,), out)
            out[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            node_lines(item, path + (index,), out)
    return out


def _message(error: jsonschema.ValidationError) -> tuple[str, str]:
    """A Vietnamese message and hint for one schema error."""
    path = list(error.absolute_path)
    where = " → ".join(str(p if not isinstance(p, int) else f"mục {p + 1}") for p in path) or "tệp"
    top = next((p for p in path if isinstance(p, str)), None)
    hint = f"'{top}' là {KEY_HELP[top]}." if top in KEY_HELP else "Xem mẫu trong docs-dev/media.md."
    v = error.validator
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"Khoá không hợp lệ ở {where}: {', '.join(extra)}", f"Chỉ dùng các khoá: {allowed}."
    if v == "required":
        return f"Thiếu khoá bắt buộc ở {where}: {error.message.split(' ')[0]}", hint
    if v in {"minItems", "maxItems"} and error.schema.get("minItems") == error.schema.get("maxItems"):
        n = error.schema["minItems"]
        shape = "[x, y]" if n == 2 else "[x, y, rộng, cao]"
        return f"{where} phải có đúng {n} số {shape}", hint
    if v == "type":
        kinds = {"integer": "số nguyên", "string": "chữ", "array": "danh sách [..]", "object": "nhóm khoá",
                 "boolean": "true hoặc false"}
        want = error.validator_value
        want = kinds.get(want, want) if isinstance(want, str) else " hoặc ".join(kinds.get(w, w) for w in want)
        return f"{where} phải là {want}, không phải {error.instance!r}", hint
    if v in {"minimum", "maximum"}:
        return f"{where} = {error.instance} nằm ngoài giới hạn ({v} {error.validator_value})", hint
    if v == "enum":
        return f"{where} = {error.instance!r} không hợp lệ", f"Chọn một trong: {', '.join(map(str, error.validator_value))}."
    if v == "oneOf":
        return f"{where} không đúng dạng", hint
    if v in {"minLength", "minItems"}:
        return f"{where} đang trống", hint
    if v == "maxLength":
        return f"{where} quá dài (tối đa {error.validator_value} ký tự)", "Hình minh hoạ chỉ ghi nhãn ngắn như trên màn hình thật."
    return f"{where}: {error.message}", hint


def load(path: Path, *, root: Path | None = None) -> tuple[Spec | None, list[Finding]]:
    """Read and validate one annotation file. Never raises for bad input."""
    from bdhvs.inputs import media  # the gate's reader: limits, YAML problems as IMG001

    rel = relative(path, root)
    record = media.read(path, "IMG001", root=root)
    if record.errors or not record.exists:
        return None, record.findings or [finding(rel, 1, 1, "IMG001", "Không mở được tệp", "")]
    data = record.data
    if data is None:
        data = {}
    lines = record.lines or {(): 1}
    findings: list[Finding] = []
    if not isinstance(data, dict):
        return None, [finding(rel, 1, 1, "IMG002", "Tệp chú thích ảnh phải là các dòng 'khoá: giá trị'",
                              "Xem mẫu trong docs-dev/media.md.")]
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        message, hint = _message(error)
        path_ = tuple(error.absolute_path)
        line = lines.get(path_) or next((lines[path_[:i]] for i in range(len(path_), -1, -1) if path_[:i] in lines), 1)
        findings.append(finding(rel, line, 1, "IMG002", message, hint))
    if findings:
        return None, findings
    spec = Spec(path=path, lines=lines)
    spec.alt = data.get("alt")
    spec.caption = data.get("caption")
    spec.crop = tuple(data["crop"]) if "crop" in data else None
    spec.max_width = data.get("max_width", DEFAULT_MAX_WIDTH)
    for item in data.get("redact", []):
        if isinstance(item, list):
            spec.redact.append(Redaction(tuple(item)))
        else:
            spec.redact.append(Redaction(tuple(item["area"]), item.get("style", "solid")))
    spec.callouts = [(c["number"], tuple(c["at"])) for c in data.get("callouts", [])]
    spec.boxes = [tuple(b) for b in data.get("boxes", [])]
    spec.arrows = [(tuple(a["from"]), tuple(a["to"])) for a in data.get("arrows", [])]
    if "sketch" in data:
        s = data["sketch"]
        items = []
        for index, item in enumerate(s["items"]):
            kinds = [k for k in SKETCH_ITEM_KINDS if k in item]
            if len(kinds) != 1:
                findings.append(finding(rel, lines.get(("sketch", "items", index), 1), 1, "IMG002",
                                        f"sketch → items → mục {index + 1} phải có đúng một loại: "
                                        + ", ".join(SKETCH_ITEM_KINDS),
                                        "Ví dụ: {button: \"Đăng nhập\", target: true}"))
                continue
            items.append(SketchItem(kinds[0], item[kinds[0]], bool(item.get("target")), item.get("callout")))
        spec.sketch = Sketch(s["source"], s["title"], items)
    return (None if findings else spec), findings


def check_bounds(spec: Spec, size: tuple[int, int], rel: str) -> list[Finding]:
    """Every rectangle and point must lie inside the screenshot."""
    width, height = size
    findings = []

    def rect_ok(r):
        x, y, w, h = r
        return w > 0 and h > 0 and x + w <= width and y + h <= height

    def point_ok(p):
        return p[0] <= width and p[1] <= height

    hint = f"Ảnh gốc rộng {width} và cao {height} điểm ảnh; toạ độ tính từ góc trên bên trái."
    if spec.crop and not rect_ok(spec.crop):
        findings.append(finding(rel, spec.line_of("crop"), 1, "IMG003", f"Vùng cắt {list(spec.crop)} ra ngoài ảnh", hint))
    for i, r in enumerate(spec.redact):
        if not rect_ok(r.rect):
            findings.append(finding(rel, spec.line_of("redact", i), 1, "IMG003",
                                    f"Vùng che {list(r.rect)} ra ngoài ảnh: thông tin có thể không được che hết", hint))
    for i, (_, at) in enumerate(spec.callouts):
        if not point_ok(at):
            findings.append(finding(rel, spec.line_of("callouts", i), 1, "IMG003", f"Số bước đặt ở {list(at)}, ngoài ảnh", hint))
    for i, b in enumerate(spec.boxes):
        if not rect_ok(b):
            findings.append(finding(rel, spec.line_of("boxes", i), 1, "IMG003", f"Khung {list(b)} ra ngoài ảnh", hint))
    for i, (a, b) in enumerate(spec.arrows):
        if not (point_ok(a) and point_ok(b)):
            findings.append(finding(rel, spec.line_of("arrows", i), 1, "IMG003", "Mũi tên có điểm ngoài ảnh", hint))
    return findings
