"""Front matter schemas, one per page type (JSON Schema, draft 2020-12).

Every Markdown page under docs/vi/ and docs/ede/ starts with YAML front matter whose
``page_type`` selects the schema. `bdhvs check` validates it (code FM…) and the build
fails on an invalid guide. Keep this the ONE definition: the guide template
(guide_meta in commands/new.py), the checks and the tests all read it.
"""
from __future__ import annotations

AUDIENCES = ["citizens", "students", "workers", "officials"]
AUDIENCE_LABELS = {
    "citizens": "Người dân",
    "students": "Học sinh",
    "workers": "Người lao động",
    "officials": "Cán bộ, công chức",
}
PLATFORMS = ["vneid", "dichvucong", "binhdanhocvuso", "daklakso", "chukyso", "an-toan", "thiet-bi"]
PLATFORM_LABELS = {
    "vneid": "VNeID",
    "dichvucong": "Cổng Dịch vụ công",
    "binhdanhocvuso": "Nền tảng Bình dân học vụ số",
    "daklakso": "Đắk Lắk số",
    "chukyso": "Chữ ký số",
    "an-toan": "An toàn trên mạng",
    "thiet-bi": "Điện thoại và công cụ số",
}
PAGE_TYPES = ["home", "guide", "section", "info", "editor", "lesson"]
# Harms a guide can lead to; each has ONE shared safety block in data/safety/<topic>.md,
# put in the guide by <!-- bdhvs:safety <topic> --> (content/safety.py).
SAFETY_TOPICS = ["mat-tien", "mat-dien-thoai", "chia-se-man-hinh", "ma-otp"]
SAFETY_TOPIC_LABELS = {
    "mat-tien": "Mất tiền (lừa đảo, chuyển nhầm, mua hàng, vay)",
    "mat-dien-thoai": "Mất điện thoại",
    "chia-se-man-hinh": "Chia sẻ màn hình, điều khiển từ xa, quyền trợ năng",
    "ma-otp": "Mã OTP, mật khẩu, passcode, mã PIN",
}
REVIEW_STATUSES = ["draft", "reviewed"]
TRANSLATION_STATUSES = REVIEW_STATUSES + ["sourced"]

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_NONEMPTY = {"type": "string", "minLength": 1}
# When a source was published: a year (2025, quoted or not) or a date (2025-07-05).
_PUBLISHED = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}(-\d{2}-\d{2})?$",
    "minimum": 1945,
    "maximum": 2100,
    "if": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "then": {"format": "date"},
}

SOURCE = {
    "type": "object",
    "required": ["title", "url", "date"],
    "additionalProperties": False,
    "properties": {
        "title": _NONEMPTY,
        "url": {"type": "string", "pattern": r"^https://"},
        "publisher": _NONEMPTY,
        "date": _DATE,  # when the editor read the source ("Xem ngày …")
        "published": _PUBLISHED,  # when the source was published ("Đăng năm …" / "Đăng ngày …")
        "note": _NONEMPTY,
    },
}

REVIEW = {
    "type": "object",
    "required": ["status"],
    "additionalProperties": False,
    "properties": {
        "status": {"enum": REVIEW_STATUSES},
        # A role, never a person's name: "Cán bộ Công an xã", "Giáo viên trường THCS…".
        "reviewer": _NONEMPTY,
        "date": _DATE,
    },
    "if": {"properties": {"status": {"const": "reviewed"}}},
    "then": {"required": ["status", "reviewer", "date"]},
}

# Ede pages record which Vietnamese page they translate (written by `bdhvs translate`).
TRANSLATION = {
    "type": "object",
    "required": ["source", "status"],
    "additionalProperties": False,
    "properties": {
        "source": _NONEMPTY,  # path of the Vietnamese page, relative to docs/vi/
        "source_hash": {"type": "string", "pattern": r"^[0-9a-f]{12,64}$"},
        # draft | reviewed, or "sourced": not a translation but a Vietnamese page quoting only
        # sourced Ede terms (scripts/bdhvs/i18n/publishing.py; e.g. docs/ede/index.md).
        "status": {"enum": TRANSLATION_STATUSES},
        "translator": _NONEMPTY,  # a role
        "reviewer": _NONEMPTY,  # a role
        "date": _DATE,
    },
    "if": {"properties": {"status": {"const": "reviewed"}}},
    "then": {"required": ["source", "status", "source_hash", "reviewer", "date"]},
}

_COMMON = {
    "title": _NONEMPTY,
    "description": {"type": "string", "minLength": 20, "maxLength": 200},
    "page_type": {"enum": PAGE_TYPES},
    "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "tags"]}},
    "translation": TRANSLATION,
    "search": {"type": "object"},
    "audio": {"type": "string"},
    "tags": {"type": "array", "items": _NONEMPTY},
    "sources": {"type": "array", "items": SOURCE},
    "last_reviewed": _DATE,
    "review": REVIEW,
    # Date by which a time-bound page must be re-checked (content/freshness.py):
    # `bdhvs check` warns a month before and errors after it.
    "recheck": _DATE,
}

# A 3-question self-check at the end of a guide (content/selfcheck.py). Exactly one answer
# has `correct: true` (checked there, with a Vietnamese message: a schema cannot say it
# in words an editor reads).
SELF_CHECK_ANSWER = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {"text": _NONEMPTY, "correct": {"type": "boolean"}},
}
SELF_CHECK_QUESTION = {
    "type": "object",
    "required": ["question", "answers"],
    "additionalProperties": False,
    "properties": {
        "question": _NONEMPTY,
        "answers": {"type": "array", "minItems": 2, "maxItems": 4, "items": SELF_CHECK_ANSWER},
        "explain": _NONEMPTY,
    },
}
SELF_CHECK = {"type": "array", "minItems": 1, "maxItems": 5, "items": SELF_CHECK_QUESTION}

GUIDE = {
    "type": "object",
    "required": [
        "title", "description", "page_type", "audience", "platform", "plan_task",
        "time_minutes", "prerequisites", "sources", "last_reviewed", "review",
    ],
    "additionalProperties": False,
    "properties": {
        **_COMMON,
        "audience": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": AUDIENCES}},
        "platform": {"enum": PLATFORMS},
        # Task of the commune plan, e.g. "III.4" (section III, task 4) or "III.1.3".
        "plan_task": {"type": "string", "pattern": r"^III\.\d+(\.\d+)?$"},
        "time_minutes": {"type": "integer", "minimum": 1, "maximum": 120},
        "prerequisites": {"type": "array", "minItems": 1, "items": _NONEMPTY},
        "sources": {"type": "array", "minItems": 1, "items": SOURCE},
        "risks": {"type": "array", "uniqueItems": True, "items": {"enum": SAFETY_TOPICS}},
        "self_check": SELF_CHECK,
    },
}

# A 45-minute lesson for trainers (docs/vi/bai-hoc/<slug>.md; content/lessons.py builds
# the page from these fields and the guides it names).
LESSON_GUIDE = {
    "type": "object",
    "required": ["guide", "minutes"],
    "additionalProperties": False,
    "properties": {
        "guide": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},  # slug in docs/vi/huong-dan/
        "minutes": {"type": "integer", "minimum": 1, "maximum": 45},
        "focus": _NONEMPTY,  # what to stress while teaching it
    },
}
LESSON_CHECK = {
    "type": "object",
    "required": ["question", "answer", "guide"],
    "additionalProperties": False,
    "properties": {"question": _NONEMPTY, "answer": _NONEMPTY,
                   "guide": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}},
}
LESSON = {
    "type": "object",
    "required": ["title", "description", "page_type", "plan_task", "audience", "goal", "guides", "bring",
                 "practice", "check"],
    "additionalProperties": False,
    "properties": {
        **_COMMON,
        "plan_task": {"type": "string", "pattern": r"^III\.\d+(\.\d+)?$"},
        "audience": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": AUDIENCES}},
        "goal": _NONEMPTY,
        "guides": {"type": "array", "minItems": 1, "maxItems": 6, "items": LESSON_GUIDE},
        "bring": {"type": "array", "minItems": 1, "items": _NONEMPTY},
        "practice": _NONEMPTY,
        "role_play": _NONEMPTY,
        "check": {"type": "array", "minItems": 3, "maxItems": 3, "items": LESSON_CHECK},
    },
}

OTHER = {
    "type": "object",
    "required": ["title", "description", "page_type"],
    "additionalProperties": False,
    "properties": dict(_COMMON),
}

SCHEMAS = {"guide": GUIDE, "home": OTHER, "section": OTHER, "info": OTHER, "editor": OTHER, "lesson": LESSON}
