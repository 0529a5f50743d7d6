"""The two HTML pages /admin/ can be: the editor (loads the self-hosted Decap bundle, no
inline script, so it runs under the /admin/ CSP) or, when the bundle is not installed,
a Vietnamese page saying how to get it. Both are `noindex`."""
from __future__ import annotations

import json
from html import escape

from bdhvs.content import frontstyle

TITLE = "Trình biên tập — Bình dân học vụ số Krông Á"

# The head both pages share (format field: title).
HEAD = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
"""

EDITOR = HEAD + """<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="admin.css">
</head>
<body data-login="{login}" data-front-order="{order}">
<noscript><p>Trình biên tập cần bật JavaScript.</p></noscript>
<script src="boot.js?v={version}"></script>
<script src="{main}?v={version}"></script>
<script src="js-yaml.min.js?v={version}"></script>
<script src="frontstyle.js?v={version}"></script>
<script src="admin.js?v={version}"></script>
</body>
</html>
"""

# Decap's editor is made for wide screens; on a phone its two columns (form, preview)
# squeeze the form. Below 800 px the preview column is hidden and the form takes the
# whole width (the "Xem trước" toggle still works); fields and buttons get a finger size.
ADMIN_CSS = """.bdhvs-image-help { margin: 0 0 8px; font-size: 14px; }
.bdhvs-add-image { font: inherit; font-weight: 600; padding: 8px 14px; min-height: 44px; border: 0;
  border-radius: 5px; background: #3a69c7; color: #fff; cursor: pointer; margin-right: 8px; }
.bdhvs-no-login { font: 18px/1.5 system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; }
/* Phones: Decap puts the Vietnamese and Ede columns side by side; stack them instead. */
@media (max-width: 800px) {
  /* The Save (Công bố) toolbar stays at the top while the long form scrolls under it. */
  [class*="-ToolbarContainer"] { position: sticky !important; top: 0; z-index: 300; }
  [class*="-EditorContainer"], [class*="-ToolbarContainer"] { min-width: 0 !important; }
  [class*="-ToolbarContainer"] { flex-wrap: wrap; height: auto !important; }
  .SplitPane.vertical { flex-direction: column !important; position: static !important; height: auto !important; }
  .SplitPane.vertical > .Pane { width: 100% !important; flex: none !important; overflow: visible !important; }
  .SplitPane.vertical > .Resizer { display: none !important; }
  input, textarea, select, button { font-size: 16px !important; }
}
"""

MISSING = HEAD + """<link rel="stylesheet" href="admin.css">
</head>
<body>
<main>
<h1>Trình biên tập chưa được cài vào bản dựng này</h1>
<p>Bản trang này được dựng trên một máy chưa có bộ cài trình biên tập (Decap CMS {version}),
nên ở đây chưa có gì để mở. Trang cho bà con không bị ảnh hưởng.</p>
<h2>Người quản trị kỹ thuật làm một lần</h2>
<ol>
<li>Cài Node.js 20 trở lên (có sẵn lệnh <code>npm</code>).</li>
<li>Trong thư mục dự án chạy: <code>cd tools/cms &amp;&amp; npm ci --ignore-scripts</code></li>
<li>Dựng lại trang: <code>make site</code> (Windows: <code>py scripts\\dev.py site</code>).</li>
</ol>
<h2>Người biên tập muốn sửa bài ngay trên máy mình</h2>
<p>Chạy <code>make cms</code> (Windows: <code>py scripts\\dev.py cms</code>): lệnh tự cài trình
biên tập rồi mở nó trong trình duyệt.</p>
<p>Hướng dẫn đầy đủ: tệp <code>docs-dev/cms.md</code> trong kho mã.</p>
</main>
</body>
</html>
"""

MISSING_CSS = """body { font: 18px/1.5 system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; }
code { background: #eee; padding: 0 .2em; }
"""


def editor_html(main: str, version: str, login: bool = True) -> str:
    """``login``: a GitHub login (an OAuth server) is configured for the published site.
    Without it, on any address other than this machine, admin.js shows NO_LOGIN instead of
    a login that goes to api.netlify.com and fails."""
    return EDITOR.format(title=escape(TITLE), main=escape(main), version=escape(version),
                         login="github" if login else "none",
                         order=escape(json.dumps(frontstyle.order_table(), separators=(",", ":")), quote=True))


def missing_html(version: str) -> str:
    return MISSING.format(title=escape(TITLE), version=escape(version))
