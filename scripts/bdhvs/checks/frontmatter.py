"""Check 1: the front matter of pages under docs/vi/ and docs/ede/ against
bdhvs.content.schema, with each jsonschema error turned into a Vietnamese message on
the line of the offending key."""
from __future__ import annotations

import difflib

from jsonschema import Draft202012Validator

from bdhvs.checks.codes import finding
from bdhvs.checks.source import Document, node_at
from bdhvs.content import schema
from bdhvs.findings import Finding

_TYPES_VI = {"string": "chữ", "integer": "số nguyên", "number": "số", "array": "danh sách (mỗi mục một dòng “- …”)",
             "object": "nhóm trường con", "boolean": "true hoặc false"}
_VALIDATORS: dict[str, Draft202012Validator] = {}


def _validator(page_type: str) -> Draft202012Validator:
    if page_type not in _VALIDATORS:
        _VALIDATORS[page_type] = Draft202012Validator(
            schema.SCHEMAS[page_type], format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _VALIDATORS[page_type]


def _field(path) -> str:
    parts = []
    for part in path:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else ("." if parts else "") + str(part))
    return "".join(parts) or "(phần đầu trang)"


def _allowed_keys(sub_schema: dict) -> list[str]:
    return list(sub_schema.get("properties", {}))


def check(doc: Document) -> list[Finding]:
    if doc.kind != "page" or doc.fm_node is None:
        return []
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    page_type = meta.get("page_type")
    base_line = doc.pos(doc.fm_offset)[0] - 1
    findings: list[Finding] = []

    def at_node(node, key_node=None):
        mark = (key_node or node or doc.fm_node).start_mark
        return base_line + mark.line + 1, mark.column + 1

    guessed = None
    if "page_type" not in meta:
        # The schema says it is required; say exactly what to write, and check the
        # other fields against the type this page most likely is.
        guessed = guess_page_type(doc)
        page_type = guessed
    if page_type not in schema.SCHEMAS:
        # Validate against the generic schema so other errors still show up.
        if "page_type" in meta:
            node, key = node_at(doc.fm_node, ["page_type"])
            line, col = at_node(node, key)
            findings.append(finding(doc.name, line, col, "FM-VALUE",
                                    f"page_type '{page_type}' không hợp lệ",
                                    "Chọn một trong: " + ", ".join(schema.PAGE_TYPES)))
        validator = _validator("info")
    else:
        validator = _validator(page_type)

    for err in sorted(validator.iter_errors(meta), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(err.absolute_path)
        node, key_node = node_at(doc.fm_node, path)
        line, col = at_node(node, key_node)
        name = _field(path)
        v = err.validator
        if v == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            where = f" trong '{name}'" if path else ""
            if path:
                line, col = at_node(node, key_node)
            else:
                line, col = base_line + 1, 1
            hint = _page_type_hint(guessed) if missing == "page_type" and not path and guessed else None
            findings.append(finding(doc.name, line, col, "FM-REQUIRED", f"Thiếu trường bắt buộc '{missing}'{where}", hint))
        elif v == "additionalProperties":
            allowed = _allowed_keys(err.schema)
            extras = [k for k in err.instance if k not in allowed]
            for extra in extras:
                knode, kkey = node_at(doc.fm_node, path + [extra])
                kline, kcol = at_node(knode, kkey)
                close = difflib.get_close_matches(str(extra), allowed, n=1)
                hint = (f"Có phải ý bạn là '{close[0]}'? " if close else "") + "Các trường hợp lệ: " + ", ".join(allowed)
                findings.append(finding(doc.name, kline, kcol, "FM-UNKNOWN-KEY",
                                        f"Trường lạ '{_field(path + [extra])}'", hint))
        elif v == "type":
            expected = err.validator_value if isinstance(err.validator_value, str) else err.validator_value[0]
            findings.append(finding(doc.name, line, col, "FM-TYPE",
                                    f"'{name}' phải là {_TYPES_VI.get(expected, expected)}, không phải {_describe(err.instance)}"))
        elif v == "format" and err.validator_value == "date" or (v == "pattern" and r"\d{4}-\d{2}" in str(err.validator_value)):
            findings.append(finding(doc.name, line, col, "FM-DATE", f"'{name}': ngày '{err.instance}' sai hoặc không có thật"))
        elif v in ("enum", "const"):
            options = err.validator_value if v == "enum" else [err.validator_value]
            findings.append(finding(doc.name, line, col, "FM-VALUE", f"'{name}' không nhận giá trị '{err.instance}'",
                                    "Chọn một trong: " + ", ".join(map(str, options))))
        elif v == "pattern":
            findings.append(finding(doc.name, line, col, "FM-FORMAT", f"'{name}' viết sai dạng: '{err.instance}'",
                                    _pattern_hint(path, err.validator_value)))
        elif v in ("minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "uniqueItems"):
            findings.append(finding(doc.name, line, col, "FM-LENGTH", f"'{name}': {_limit_vi(v, err.validator_value)}"))
        else:
            findings.append(finding(doc.name, line, col, "FM-FORMAT", f"'{name}': giá trị không hợp lệ ({err.message})"))
    return findings


def guess_page_type(doc: Document) -> str:
    """The page type a page without ``page_type`` most likely is, from where it lives:
    a page in <lang>/huong-dan/ is a guide (its index and listing pages are sections)."""
    parts = doc.path.parts
    name = doc.path.name
    in_guides = len(parts) >= 2 and parts[-2] == "huong-dan"
    if in_guides and name != "index.md" and "<!-- bdhvs:guides" not in doc.text:
        return "guide"
    if in_guides:
        return "section"
    if name == "index.md" and len(parts) >= 2 and parts[-2] == doc.lang:
        return "home"
    return "info"


_TYPE_VI = {"guide": "bài hướng dẫn", "section": "trang danh sách bài", "home": "trang chủ", "info": "trang thông tin"}


def _page_type_hint(guessed: str) -> str:
    return (f"Thêm dòng `page_type: {guessed}` vào phần đầu trang, ngay dưới dòng `description:` "
            f"(trang ở vị trí này là {_TYPE_VI[guessed]}; các loại: {', '.join(schema.PAGE_TYPES)}). "
            "Bài mới nên tạo bằng `bdhvs new <tên-bài>` để có sẵn mọi trường.")


def _describe(value) -> str:
    if isinstance(value, bool):
        return "đúng/sai"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f"chữ '{value}'"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "nhóm trường"
    if value is None:
        return "giá trị trống"
    return type(value).__name__


def _limit_vi(validator: str, value) -> str:
    return {
        "minLength": f"cần ít nhất {value} ký tự",
        "maxLength": f"tối đa {value} ký tự",
        "minItems": f"cần ít nhất {value} mục",
        "maxItems": f"tối đa {value} mục",
        "minimum": f"phải lớn hơn hoặc bằng {value}",
        "maximum": f"phải nhỏ hơn hoặc bằng {value}",
        "uniqueItems": "có mục bị lặp lại",
    }[validator]


def _pattern_hint(path, pattern: str) -> str:
    if path and path[-1] == "url":
        return "Địa chỉ nguồn phải bắt đầu bằng https://"
    if path and path[-1] == "plan_task":
        return "Viết số nhiệm vụ trong kế hoạch, ví dụ \"III.4\" (trong ngoặc kép)"
    if path and path[-1] == "published":
        return "Viết năm đăng bài nguồn, ví dụ 2025, hoặc ngày đăng NĂM-THÁNG-NGÀY, ví dụ 2025-07-05"
    if path and path[-1] == "source_hash":
        return "Trường này do `bdhvs translate` ghi, đừng sửa tay"
    return f"Dạng đúng (biểu thức chính quy): {pattern}"
