"""Decap CMS configuration (admin/config.yml), GENERATED from the one content schema
(bdhvs.content.schema) so the editor's form and `bdhvs check` can never disagree:
every required schema field is a required widget, every enum value is an option, every
pattern and range is the widget's pattern. tests/cms/test_config.py checks this.

Field labels and hints are plain Vietnamese for commune staff and translators.
"""
from __future__ import annotations

import os
import re

import yaml

from bdhvs.content import schema
from bdhvs.inputs import datafiles  # the ONE schema of each data file

# Where the production editor saves: a GitHub repository (owner/name). Set at build time.
REPO_ENV = "BDHVS_CMS_REPO"
BRANCH_ENV = "BDHVS_CMS_BRANCH"
OAUTH_ENV = "BDHVS_CMS_OAUTH_URL"  # base_url of an OAuth proxy (see docs-dev/cms.md)
SCOPE_ENV = "BDHVS_CMS_AUTH_SCOPE"  # public_repo (default) | repo (private repository)
PROXY_ENV = "BDHVS_CMS_PROXY_URL"  # the local proxy (decap-server) the editor talks to on 127.0.0.1
DEFAULT_REPO = "bdhvs-krong-a/bdhvs-krong-a.github.io"
DEFAULT_PROXY_PORT = 8081
CONTRIBUTING_MEDIA = "https://github.com/{repo}/blob/main/CONTRIBUTING.md"  # section 12, "Ảnh chụp màn hình"

# A screenshot larger than this is refused by the editor's media library (a phone's
# screenshot is well under 1 MB; the citizens' pages get a small WebP anyway).
IMAGE_MAX_BYTES = 3_000_000
BODY_WIDGET = "bdhvs-guide-body"  # registered by admin.js: Decap's text box + an image button
NEW_GUIDES, GUIDES = "new_guides", "guides"
# registered by admin.js: the one front-matter style (content/frontstyle.py, cms/frontstyle.js)
FORMAT = "bdhvs-frontmatter"
MANY_SELECT = "bdhvs-select-many"  # registered by admin.js: Decap's select, minus one side effect
REVIEW_STATUS_LABELS = {"draft": "Bản nháp (chưa kiểm tra)", "reviewed": "Đã kiểm tra trong ứng dụng thật"}
TRANSLATION_STATUS_LABELS = {"draft": "Bản nháp (chưa duyệt, không hiện cho bà con)",
                             "reviewed": "Đã duyệt (hiện cho bà con)"}
ROLE_HINT = ("Ghi VAI TRÒ, không ghi tên người. Ví dụ: Cán bộ Công an xã; Giáo viên trường THCS …")
DATE_HINT = "Gõ ngày/tháng/năm, ví dụ 25/11/2026 (lưu thành 2026-11-25). Không trước năm 2020, không sau hôm nay."
DATE_WIDGET = "bdhvs-date"  # registered by admin.js: a text box for 25/11/2026 or 2026-11-25


def proxy_url(port: int | None = None) -> str:
    if os.environ.get(PROXY_ENV) and port is None:
        return os.environ[PROXY_ENV]
    return f"http://127.0.0.1:{port or DEFAULT_PROXY_PORT}/api/v1"


def _options(values: list[str], labels: dict[str, str]) -> list[dict]:
    return [{"label": labels.get(v, v), "value": v} for v in values]


def _date(name: str, label: str, hint: str = DATE_HINT, required: bool = True, **extra) -> dict:
    # Not Decap's datetime widget: it stores the year while it is being typed (2 -> 1902).
    # admin.js's DATE_WIDGET stores YYYY-MM-DD, like the schema's dates.
    return {"name": name, "label": label, "widget": DATE_WIDGET, "required": required, "hint": hint, **extra}


def _pattern(rx: str, message: str) -> list[str]:
    return [rx, message]


def _length_pattern(spec: dict, message: str) -> list[str]:
    low, high = spec.get("minLength", 1), spec.get("maxLength")
    return [f"^[\\s\\S]{{{low},{high if high else ''}}}$", message]


PATTERN_MESSAGES = {"url": "Địa chỉ phải bắt đầu bằng https://", "published": "Viết năm (2024) hoặc ngày (2024-08-10)"}


def source_fields() -> list[dict]:
    spec = schema.SOURCE
    req = set(spec["required"])
    labels = {
        "title": ("Tên bài hoặc văn bản nguồn", "Đúng như trên trang nguồn."),
        "publisher": ("Cơ quan hoặc tờ báo", "Ví dụ: Bộ Công an; Báo Nhân Dân."),
        "url": ("Địa chỉ trang nguồn", "Bắt đầu bằng https://. Chỉ tên miền có trong danh sách tên miền."),
        "date": ("Ngày xem nguồn", "Ngày bạn đọc trang nguồn. " + DATE_HINT),
        "published": ("Ngày hoặc năm nguồn được đăng", "Tuỳ chọn: 2024 hoặc 2024-08-10, như trang nguồn ghi."),
        "note": ("Ghi chú", "Tuỳ chọn: phần nào của nguồn được dùng."),
    }
    fields = []
    for name, prop in spec["properties"].items():
        # A key added to the schema later still gets a field (plain text, labelled with its
        # name) instead of breaking the build; tests/cms/test_config.py asks for a real label.
        label, hint = labels.get(name, (name, ""))
        if prop is schema._DATE:
            fields.append(_date(name, label, hint, required=name in req))
            continue
        field = {"name": name, "label": label, "widget": "string", "required": name in req, "hint": hint}
        if "pattern" in prop:
            field["pattern"] = _pattern(prop["pattern"], PATTERN_MESSAGES.get(name, "Viết đúng mẫu trong gợi ý."))
        fields.append(field)
    return fields


def translatable(fields: list[dict]) -> list[dict]:
    """Every field (and sub-field) with its own value per language: Decap then shows the
    Vietnamese and the Ede column side by side. (Decap's `duplicate` would copy values into
    the Ede column of every guide, which writes an Ede file nobody translated.)"""
    out = []
    for f in fields:
        f = dict(f, i18n=True)
        if "fields" in f:
            f["fields"] = translatable(f["fields"])
        if "field" in f:
            f["field"] = translatable([f["field"]])[0]
        out.append(f)
    return out


def _sources_field(min_items: int) -> dict:
    field = {"name": "sources", "label": "Nguồn", "label_singular": "nguồn", "widget": "list",
             "hint": "Mỗi thông tin trong bài phải lấy từ một nguồn chính thức hoặc đáng tin. Bấm Thêm để thêm nguồn.",
             "required": min_items > 0, "collapsed": False, "summary": "{{fields.title}}",
             "fields": source_fields()}
    if min_items:
        field["min"] = min_items
    return field


def review_field(new: bool = False) -> dict:
    spec = schema.REVIEW
    return {
        "name": "review", "label": "Kiểm tra trong ứng dụng thật", "widget": "object", "collapsed": False,
        "required": "review" in schema.GUIDE["required"],
        "hint": ("Người kiểm tra làm thử từng bước trong ứng dụng thật. Khi đã đúng: chọn “Đã kiểm tra”, "
                 "ghi vai trò và ngày — thông báo “bản nháp” trên trang sẽ biến mất sau khi bài được duyệt."),
        "fields": [
            {"name": "status", "label": "Tình trạng", "widget": "select",
             "required": "status" in spec["required"], **({"default": "draft"} if new else {}),
             "options": _options(spec["properties"]["status"]["enum"], REVIEW_STATUS_LABELS)},
            {"name": "reviewer", "label": "Người kiểm tra (vai trò)", "widget": "string", "required": False,
             "hint": ROLE_HINT + " Bắt buộc khi đã kiểm tra."},
            _date("date", "Ngày kiểm tra", "Bắt buộc khi đã kiểm tra. " + DATE_HINT, required=False),
        ],
    }


def translation_field() -> dict:
    spec = schema.TRANSLATION
    # The form offers "draft" only: a review is a second person's act, recorded with
    # `bdhvs translate <trang> --review "<vai trò>"` (it checks the translation is complete
    # and current and records the source's hash); a status picked in a form is not one.
    statuses = [s for s in spec["properties"]["status"]["enum"] if s not in ("sourced", "reviewed")]
    return {
        "name": "translation", "label": "Bản dịch tiếng Êđê", "widget": "object", "required": False,
        "collapsed": False,
        "hint": ("CHỈ điền ở cột tiếng Êđê; để trống ở cột tiếng Việt. Người dịch lưu bản nháp. Bản dịch "
                 "chỉ hiện cho bà con khi MỘT NGƯỜI KHÁC nói tiếng Êđê duyệt nó (người quản trị ghi lại bằng "
                 "lệnh bdhvs translate <trang> --review \"<vai trò>\")."),
        "fields": [
            # Required only once there IS a translation (Decap has no "required if the object is
            # filled"): `bdhvs check` enforces it (FM…), the form says so.
            {"name": "source", "label": "Trang tiếng Việt được dịch", "widget": "string", "required": False,
             "hint": "Bắt buộc ở cột tiếng Êđê. Ví dụ: huong-dan/cai-dat-vneid.md"},
            {"name": "status", "label": "Tình trạng bản dịch", "widget": "select", "required": False,
             "hint": "Bắt buộc ở cột tiếng Êđê.", "options": _options(statuses, TRANSLATION_STATUS_LABELS)},
            {"name": "translator", "label": "Người dịch (vai trò)", "widget": "string", "required": False,
             "hint": ROLE_HINT},
            {"name": "reviewer", "label": "Người duyệt (vai trò)", "widget": "string", "required": False,
             "hint": ROLE_HINT + " Bắt buộc khi đã duyệt."},
            _date("date", "Ngày", DATE_HINT, required=False),
        ],
    }


def guide_fields(repo: str, *, new: bool = False) -> list[dict]:
    """The guide form. ``new``: the form that creates a guide (Vietnamese only, with
    default values); otherwise the form that edits one side by side with its Ede file
    (no default values: Decap writes defaults into every language column)."""
    spec = schema.GUIDE
    props, req = spec["properties"], set(spec["required"])

    def need(name: str) -> bool:
        return name in req

    return [
        {"name": "title", "label": "Tên bài (việc cần làm)", "widget": "string",
         "required": need("title"), "hint": "Ví dụ: Đăng ký tài khoản VNeID mức 1. Một bài chỉ một việc."},
        {"name": "description", "label": "Mô tả ngắn", "widget": "text", "required": need("description"),
         "pattern": _length_pattern(props["description"], "Viết từ 20 đến 200 ký tự."),
         "hint": "Một câu: trang này giúp người đọc làm được việc gì (20–200 ký tự)."},
        ({"name": "page_type", "label": "Loại trang", "widget": "hidden", "default": "guide",
          "required": need("page_type")} if new else
         {"name": "page_type", "label": "Loại trang", "widget": "select", "required": need("page_type"),
          "options": [{"label": "Bài hướng dẫn", "value": "guide"}]}),
        # Decap's select with multiple + required writes `audience: []` into the Ede column
        # of every new guide; admin.js's MANY_SELECT does not (same widget otherwise).
        # Required = at least one, the schema's minItems 1.
        {"name": "audience", "label": "Dành cho ai", "widget": MANY_SELECT, "multiple": True,
         "required": need("audience") and props["audience"]["minItems"] == 1,
         "options": _options(props["audience"]["items"]["enum"], schema.AUDIENCE_LABELS),
         "hint": "Chọn một hoặc nhiều nhóm người đọc."},
        {"name": "platform", "label": "Chủ đề (nền tảng)", "widget": "select",
         "required": need("platform"), "options": _options(props["platform"]["enum"], schema.PLATFORM_LABELS),
         "hint": "Bài mới tự vào mục lục của chủ đề này."},
        {"name": "plan_task", "label": "Nhiệm vụ trong kế hoạch của xã", "widget": "string",
         "required": need("plan_task"),
         "pattern": _pattern(props["plan_task"]["pattern"], "Viết như III.4 hoặc III.1.3"),
         "hint": "Mục của Kế hoạch năm 2026, ví dụ III.4."},
        {"name": "time_minutes", "label": "Thời gian làm (phút)", "widget": "number", "value_type": "int",
         "required": need("time_minutes"),
         "min": props["time_minutes"]["minimum"], "max": props["time_minutes"]["maximum"]},
        {"name": "prerequisites", "label": "Cần chuẩn bị", "label_singular": "thứ cần chuẩn bị",
         "widget": "list", "required": need("prerequisites"),
         "min": props["prerequisites"]["minItems"],
         "field": {"name": "item", "label": "Thứ cần có", "widget": "string"},
         "hint": "Ví dụ: điện thoại có Internet; thẻ căn cước."},
        _sources_field(props["sources"]["minItems"]),
        _date("last_reviewed", "Ngày xem lại nội dung", "Ngày gần nhất có người đọc lại bài với nguồn. " + DATE_HINT,
              required=need("last_reviewed")),
        review_field(new=new),
        *([] if new else [translation_field()]),
        # Raw Markdown only (admin.js explains why) + the project's image button.
        # The preview pane renders the Markdown as HTML: Decap sanitises it (DOMPurify) only when
        # asked (decap-cms#4099, #4886), so a pasted <img onerror> never runs in an editor's session.
        {"name": "body", "label": "Nội dung", "widget": BODY_WIDGET, "required": True, "sanitize_preview": True,
         "media_library": {"config": {"max_file_size": IMAGE_MAX_BYTES}},
         "hint": ("Các bước đánh số, mỗi bước một việc; tên nút in đậm đúng như nguồn; sau bước là "
                  "“Bạn thấy: …”. Ảnh chụp màn hình: CHỈ từ tài khoản thử, che thông tin cá nhân "
                  f"trước khi tải lên (CONTRIBUTING.md, mục 12 “Ảnh chụp màn hình”: {CONTRIBUTING_MEDIA.format(repo=repo)}).")},
    ]


def page_fields() -> list[dict]:
    props = schema.OTHER["properties"]
    req = set(schema.OTHER["required"])
    return [
        {"name": "title", "label": "Tiêu đề", "widget": "string", "required": "title" in req},
        {"name": "description", "label": "Mô tả ngắn", "widget": "text",
         "required": "description" in req,
         "pattern": _length_pattern(props["description"], "Viết từ 20 đến 200 ký tự.")},
        {"name": "page_type", "label": "Loại trang", "widget": "select",
         "required": "page_type" in req,
         "options": [p for p in props["page_type"]["enum"] if p != "guide"]},
        _sources_field(0),
        _date("last_reviewed", "Ngày xem lại nội dung", required=False),
        translation_field(),
        {"name": "body", "label": "Nội dung", "widget": "text", "required": True,
         "hint": "Markdown, viết như trong tệp .md."},
    ]


# --- data files ----------------------------------------------------------------------------
# Required keys = the keys bdhvs.checks.data requires (DATA-ENTRY) for each entry.

def _s(name: str, label: str, required: bool = True, hint: str | None = None, **extra) -> dict:
    field = {"name": name, "label": label, "widget": "string", "required": required, **extra}
    if hint:
        field["hint"] = hint
    return field


def _select(name: str, label: str, values: list[str], required: bool = True, hint: str | None = None) -> dict:
    field = {"name": name, "label": label, "widget": "select", "options": values, "required": required}
    if hint:
        field["hint"] = hint
    return field


HTTPS = _pattern(r"^https://", "Địa chỉ phải bắt đầu bằng https://")

DOMAIN_FIELDS = [
    _s("domain", "Tên miền", hint="Không có www., ví dụ vneid.gov.vn"),
    _s("owner", "Cơ quan sở hữu"),
    _s("source", "Địa chỉ chứng minh", hint="Trang chính thức hoặc bài báo cho thấy tên miền này là của cơ quan đó.",
       pattern=HTTPS),
    _s("evidence", "Bằng chứng", hint="Tìm thấy ở đâu, đáng tin đến đâu."),
    _select("status", "Tình trạng", ["ok", "verified", "uncertain", "not-found"],
            hint="uncertain và not-found: CHƯA được dùng trong bài."),
    _select("use", "Dùng để", ["link", "source"], hint="link: được đặt liên kết; source: chỉ được ghi làm nguồn."),
    _s("official", "Tên trang cho bà con (danh sách địa chỉ chính thức)", required=False,
       hint=("CHỈ cho trang của cơ quan nhà nước mà bà con tự gõ hoặc tự mở: một câu ngắn, lời dễ hiểu, "
             "nói trang này là gì, của ai. Trang có dòng này, tình trạng ok/verified và dùng để link hiện trong "
             "danh sách địa chỉ chính thức của các bài. Không ghi cho cửa hàng ứng dụng, mạng xã hội, báo chí.")),
    {"name": "prefixes", "label": "Chỉ cho phép địa chỉ bắt đầu bằng", "widget": "list", "required": False,
     "field": {"name": "prefix", "label": "Địa chỉ", "widget": "string"}},
]
HOTLINE_FIELDS = [
    _s("number", "Số điện thoại"),
    _s("what", "Dùng để làm gì"),
    _select("status", "Tình trạng", ["ok", "verified", "uncertain"],
            hint="uncertain: CHƯA được dùng; gọi thử hoặc kiểm tra trên trang chính thức rồi đổi thành verified."),
    _s("note", "Ghi chú", required=False),
    _s("source", "Nguồn", pattern=HTTPS),
]
EMAIL_FIELDS = [
    _s("email", "Địa chỉ thư"),
    _s("what", "Dùng để làm gì"),
    _select("status", "Tình trạng", ["ok", "verified", "uncertain"]),
    _s("source", "Nguồn", pattern=HTTPS),
]
VIDEO_FIELDS = [
    _s("youtube", "Mã video YouTube (11 ký tự)", required=False, pattern=[r"^[A-Za-z0-9_-]{11}$", "Mã có đúng 11 ký tự"],
       hint="Hoặc điền “Tệp video” bên dưới."),
    _s("file", "Tệp video trên máy", required=False, hint="<bài>/<tên>.mp4 trong docs/huong-dan/"),
    _s("title", "Tên video đúng như trên kênh"),
    _s("duration", "Thời lượng (phút:giây)", pattern=[r"^\d+:\d{2}$", "Viết như 3:25"]),
    _s("channel", "Tên kênh chính thức"),
    _s("channel_url", "Địa chỉ kênh", pattern=HTTPS),
    _s("source", "Trang chính thức xác nhận video", pattern=HTTPS),
    _date("checked", "Ngày kiểm tra"),
    _s("poster", "Ảnh bìa", hint="<bài>/video-<tên>.png trong docs/huong-dan/ (không tải từ YouTube)."),
]

GLOSSARY_FIELDS = [  # what bdhvs.content.glossary.load requires and accepts
    _s("term", "Thuật ngữ", hint="Đúng như viết trong bài, ví dụ “mã PIN”."),
    {"name": "definition", "label": "Giải thích", "widget": "text", "required": True,
     "hint": "Lời dễ hiểu, ngắn, lấy từ nguồn bên dưới."},
    {"name": "source", "label": "Nguồn của lời giải thích", "widget": "object", "required": True,
     "fields": [_s("title", "Tên bài hoặc văn bản"), _s("url", "Địa chỉ", pattern=HTTPS)]},
    {"name": "also", "label": "Cách viết khác (tuỳ chọn)", "widget": "list", "required": False,
     "hint": "Ví dụ: chứng thư số, chứng thư."},
    _s("secret", "Mã bí mật: ai tạo hoặc ai gửi mã này (chỉ cho 4 mã bí mật)", required=False),
    _s("ede", "Từ tiếng Êđê (chỉ khi có nguồn)", required=False),
    _select("ede_status", "Tình trạng từ tiếng Êđê", ["wanted", "sourced", "reviewed"],
            hint="wanted: cần tìm; sourced: có nguồn, chưa duyệt; reviewed: người bản ngữ đã duyệt "
                 "(chỉ lúc đó bà con mới thấy). Không tự đặt từ tiếng Êđê."),
    _s("ede_source", "Nguồn của từ tiếng Êđê", required=False),
]

def _from_gate(fields: list[dict], item_schema: dict) -> list[dict]:
    """The editor's form for a data file follows the gate's schema of that file
    (bdhvs.inputs.datafiles, what `bdhvs check` and the build accept): every field the
    schema requires is required in the form, and a choice offers exactly its values."""
    required = set(item_schema.get("required", []))
    for field in fields:
        prop = item_schema.get("properties", {}).get(field["name"], {})
        if field["name"] in required:
            field["required"] = True
        if field.get("widget") == "select" and "enum" in prop:
            field["options"] = list(prop["enum"])
    return fields


_DOMAIN_ITEM = datafiles.DOMAINS["properties"]["domains"]["items"]
_from_gate(DOMAIN_FIELDS, _DOMAIN_ITEM)
_from_gate(HOTLINE_FIELDS, datafiles.HOTLINES["properties"]["hotlines"]["items"])
_from_gate(EMAIL_FIELDS, datafiles.HOTLINES["properties"]["emails"]["items"])
_from_gate(GLOSSARY_FIELDS, datafiles.GLOSSARY_TERM)

DATA_HINT = ("Mỗi mục phải có nguồn. Lưu ý: khi lưu ở đây, các dòng ghi chú (#) ở đầu tệp sẽ mất; "
             "phần giải thích được giữ trong data/README.md.")


def data_collection() -> dict:
    def listing(name, label, singular, fields, hint=None):
        return {"name": name, "label": label, "label_singular": singular, "widget": "list",
                "required": False, "summary": "{{fields." + fields[0]["name"] + "}}", "fields": fields,
                **({"hint": hint} if hint else {})}

    return {
        "name": "data", "label": "Dữ liệu dùng chung", "editor": {"preview": False},
        "description": DATA_HINT,
        "files": [
            {"name": "hotlines", "label": "Đường dây nóng và thư điện tử chính thức", "file": "data/hotlines.yml",
             "fields": [listing("hotlines", "Số điện thoại", "số điện thoại", HOTLINE_FIELDS),
                        listing("emails", "Địa chỉ thư", "địa chỉ thư", EMAIL_FIELDS)]},
            {"name": "domains", "label": "Tên miền chính thức", "file": "data/domains.yml",
             "fields": [listing("domains", "Tên miền", "tên miền", DOMAIN_FIELDS)]},
            {"name": "videos", "label": "Video được phép nhúng", "file": "data/videos.yml",
             "fields": [listing("videos", "Video", "video", VIDEO_FIELDS,
                                "Chỉ video mà một nguồn chính thức xác nhận.")]},
            {"name": "glossary", "label": "Thuật ngữ (giải thích từ khó)", "file": "data/glossary.yml",
             "fields": [listing("terms", "Thuật ngữ", "thuật ngữ", GLOSSARY_FIELDS,
                                "Mỗi thuật ngữ cần lời giải thích và nguồn; hiện trên trang Thuật ngữ "
                                "và khi chạm vào từ đó trong bài.")]},
        ],
    }


# data/glossary.yml keeps its list under `terms:`: Decap CMS cannot edit a list at the top
# level of a file (upstream issue decaporg/decap-cms#531, open since 2017).


# --- the whole file ------------------------------------------------------------------------

def build(*, site_url: str = "", repo: str | None = None, branch: str | None = None,
          local_proxy: str | None = None, oauth_url: str | None = None) -> dict:
    repo = repo or os.environ.get(REPO_ENV) or DEFAULT_REPO
    backend = {"name": "github", "repo": repo, "branch": branch or os.environ.get(BRANCH_ENV) or "main",
               # The least GitHub scope for a public repository (Decap's default is `repo`:
               # every private repository of the editor too). A private repo needs `repo`.
               "auth_scope": os.environ.get(SCOPE_ENV) or "public_repo",
               "commit_messages": {
                   "create": "Tạo {{collection}} “{{slug}}” (trình biên tập)",
                   "update": "Sửa {{collection}} “{{slug}}” (trình biên tập)",
                   "delete": "Xoá {{collection}} “{{slug}}” (trình biên tập)",
                   "uploadMedia": "Tải ảnh “{{path}}” (trình biên tập)",
                   "deleteMedia": "Xoá ảnh “{{path}}” (trình biên tập)",
               }}
    oauth_url = oauth_url or os.environ.get(OAUTH_ENV)
    if oauth_url:
        backend["base_url"] = oauth_url
    config = {
        "locale": "vi",
        "backend": backend,
        # Pull requests: Bản nháp -> Đang duyệt -> Sẵn sàng (labels on GitHub).
        "publish_mode": "editorial_workflow",
        # Only used when the editor is opened from 127.0.0.1/localhost (`bdhvs cms`).
        "local_backend": {"url": local_proxy or proxy_url(), "allowed_hosts": ["127.0.0.1", "localhost"]},
        "media_folder": "docs/huong-dan",
        "public_folder": "../../huong-dan",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_folders", "locales": list(schema_locales()), "default_locale": "vi"},
        "collections": [
            {
                # Creating a guide: Vietnamese only. Decap gives a new entry of a translated
                # collection an (empty) Ede file too, which would be invalid; the Ede file is
                # made when a translator starts, in the collection below.
                "name": NEW_GUIDES, "label": "Viết bài hướng dẫn mới", "label_singular": "bài hướng dẫn mới",
                "description": ("Bài mới bằng tiếng Việt. Sau khi lưu, bài hiện trong “Hướng dẫn” để thêm ảnh, "
                                "dịch sang tiếng Êđê và kiểm tra. Bài mới là bản nháp cho tới khi người kiểm tra "
                                "làm thử trong ứng dụng thật."),
                "folder": "docs/vi/huong-dan", "extension": "md", "format": FORMAT,
                "create": True, "delete": False, "identifier_field": "title", "summary": "{{title}}",
                "filter": {"field": "page_type", "value": "guide"},
                "media_folder": "/docs/huong-dan/{{filename}}", "public_folder": "../../huong-dan/{{filename}}",
                "fields": guide_fields(repo, new=True),
            },
            {
                "name": GUIDES, "label": "Hướng dẫn", "label_singular": "hướng dẫn",
                "description": ("Sửa bài, thêm ảnh, ghi kết quả kiểm tra. Cột bên phải là bản tiếng Êđê: người "
                                "dịch điền ở đó (nút “Chép từ cột ngôn ngữ khác” chép sẵn phần tiếng Việt)."),
                "folder": "docs", "path": "huong-dan/{{slug}}", "extension": "md", "format": FORMAT,
                "create": False, "delete": False, "i18n": True, "identifier_field": "title", "summary": "{{title}}",
                "filter": {"field": "page_type", "value": "guide"},
                "media_folder": "/docs/huong-dan/{{filename}}", "public_folder": "../../huong-dan/{{filename}}",
                "fields": translatable(guide_fields(repo)),
            },
            {
                "name": "pages", "label": "Trang khác", "label_singular": "trang",
                "description": "Trang chủ, Hỏi đáp, Hỗ trợ… (không phải bài hướng dẫn).",
                "folder": "docs", "extension": "md", "format": FORMAT, "create": False, "delete": False,
                "identifier_field": "title",
                "filter": {"field": "page_type", "value": "info"},
                "fields": translatable(page_fields()),
            },
            data_collection(),
        ],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def schema_locales() -> list[str]:
    from bdhvs import settings

    return list(settings.LANGUAGES)


def render(config: dict) -> str:
    head = ("# GENERATED at build time by scripts/bdhvs/cms/config.py from scripts/bdhvs/content/schema.py.\n"
            "# Do not edit: change the schema or config.py (tests/cms/test_config.py checks they agree).\n")
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


_SAFE = re.compile(r"^[\w.-]+/[\w.-]+$")


def valid_repo(repo: str) -> bool:
    return bool(_SAFE.match(repo))
