"""Generated variants (issue #21): a few hundred URL spellings, attribute lists, raw-HTML
attributes and hidden markup, each on its own page of ONE fixture project, run through
`bdhvs check` and `mkdocs build --strict` once (the kit's per-case build cost is paid once,
not hundreds of times). Asserted: no traceback; every hostile variant is reported at its
file:line by both; no hostile variant is PUBLISHED; the harmless spellings raise nothing.

"Published" means the variant's unique marker is live in site/: inside an element that
runs or embeds (script, iframe, svg, style, meta, base, form…), inside an event-handler
attribute, a style attribute, a project hook attribute (data-bdhvs-…), or any attribute a
browser follows as a URL. The marker as escaped text (a code span showing the syntax, a
title or alt text) is not published: the reader sees letters, nothing runs or loads.
"""
from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import gatekit
from bdhvs.urls.rendered import URL_ATTRS

EXECUTABLE = {"script", "iframe", "object", "embed", "frame", "frameset", "svg", "math", "style", "link", "meta",
              "base", "form", "noscript", "template", "portal", "applet", "video", "audio"}
HEAD = "---\ntitle: Biến thể {n}\ndescription: Trang thử sinh tự động cho một cách viết liên kết hoặc thuộc tính.\npage_type: info\n{extra}---\n\n# Biến thể {n}\n\n"
BODY_LINE = 9


@dataclass
class Variant:
    n: int
    body: str  # Markdown written at line 9
    hostile: bool
    line: int = BODY_LINE
    front: str = ""  # extra front-matter lines

    @property
    def marker(self) -> str:
        return f"VMARK{self.n:04d}X"

    @property
    def path(self) -> str:
        return f"docs/vi/huong-dan/bien-the-{self.n:04d}.md"

    def text(self) -> str:
        return HEAD.format(n=self.n, extra=self.front) + self.body.replace("{M}", self.marker) + "\n"


# URL spellings: (spelling with {M}, hostile)
HOSTILE_URLS = [
    "https://evil.example/{M}",
    "https://evil.example\\@dichvucong.gov.vn/{M}",
    "https://evil.example%5C@dichvucong.gov.vn/{M}",
    "https://dichvucong.gov.vn@evil.example/{M}",
    "https://dichvucong.gov.vn:x@evil.example/{M}",
    "//evil.example/{M}",
    "/\\evil.example/{M}",
    "https:/\\evil.example/{M}",
    "https://EVIL.example/{M}",
    "https://dichvucong.gov.vn./{M}",
    "https://evil%2Eexample/{M}",
    "https://3232235777/{M}",
    "https://0x7f.1/{M}",
    "https://[::1]/{M}",
    "https://d\u0456chvucong.gov.vn/{M}",
    "https://dichvucong.gov.vn.evil.example/{M}",
    "https://evildichvucong.gov.vn/{M}",
    "https://www.facebook.com/mps.gov.evil/{M}",
    "https://www.facebook.com/mps.gov{M}",
    "https://play.google.com/store/apps/details?id=com.vnid.{M}",
    "https://play.google.com/store/apps/details?id=com.vnid&id={M}",
    "http://dichvucong.gov.vn/{M}",
    "https://bit.ly/{M}",
    "https://dichvucong.gov.vn:8443/{M}",
    "https://vnexpress.net/{M}",  # a newspaper: only as a source, never linked in the text
    "javascript:alert('{M}')",
    "JaVaScRiPt:alert('{M}')",
    "java&#x09;script:alert('{M}')",
    "jav&#97;script:alert('{M}')",
    "&#x01;javascript:alert('{M}')",
    "javascript&colon;alert('{M}')",
    "java&#10;script:alert('{M}')",
    "data:text/html,{M}",
    "vbscript:msgbox('{M}')",
    "file:///etc/{M}",
    "intent://{M}#Intent;end",
]
HARMLESS_URLS = [
    "https://dichvucong.gov.vn/{M}",
    "https://www.dichvucong.gov.vn/p/{M}",
    "https://DICHVUCONG.gov.vn/{M}",
    "https://www.facebook.com/mps.gov/posts/{M}",
    "https://play.google.com/store/apps/details?id=com.vnid&hl=vi&x={M}",
    "../index.md#{M}",
    "mailto:{M}@example.gov.vn",
]
# Where a URL is written: (Markdown with {U}, the URL must be written as the HTML attribute sees it)
POSITIONS = {
    "link": "[Mở trang]({U})",
    "image": "![Ảnh]({U})",
    "refdef": "[Mở trang][r]\n\n[r]: {U}",
    "attr-href": "[Trang chủ](../index.md){{ href=\"{U}\" }}",
    "attr-src": "![Ảnh](anh.png){{ src=\"{U}\" }}",
    "html-a": "<a href=\"{U}\">Mở trang</a>",
    "html-img": "<img src=\"{U}\" alt=\"ảnh\">",
    "html-srcset": "<img src=\"anh.png\" srcset=\"{U} 2x\" alt=\"ảnh\">",
    "html-cite": "<q cite=\"{U}\">trích</q>",
    "source": None,  # front matter sources[].url
}
COMMON = {"link", "html-a", "attr-href", "source"}
# Event handlers, styles, hooks and hidden markup (all hostile).
MARKUP = [
    '[Trang chủ](../index.md){ onclick="alert(\'{M}\')" }',
    "[Trang chủ](../index.md){: onclick=alert('{M}') }",
    "[Trang chủ](../index.md){ ONCLICK=\"alert('{M}')\" }",
    "![Ảnh](anh.png){ onerror=\"alert('{M}')\" }",
    "Đoạn văn.\n{: onmouseover=\"alert('{M}')\" }",
    "## Mục { onfocus=\"alert('{M}')\" tabindex=1 }",
    "## Mục { style=\"background:url(https://evil.example/{M})\" }",
    "[Xem video](../index.md){ data-bdhvs-embed=\"https://evil.example/{M}\" }",
    "<img src=\"anh.png\" onerror=\"alert('{M}')\">",
    "<img src=\"anh.png\"/onerror=\"alert('{M}')\">",
    "<a href=\"../index.md\" onmouseover  =  \"alert('{M}')\">a</a>",
    "<details open ontoggle=\"alert('{M}')\"><summary>x</summary>y</details>",
    "<span style=\"background-image:url(https://evil.example/{M})\">chữ</span>",
    "<svg onload=\"alert('{M}')\"></svg>",
    "<body onload=\"alert('{M}')\">",
    "<script>alert('{M}')</script>",
    "<iframe src=\"https://evil.example/{M}\"></iframe>",
    "<object data=\"https://evil.example/{M}\"></object>",
    "<a href=\"../index.md\" ping=\"https://evil.example/{M}\">a</a>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/{M}\">",
    "<base href=\"https://evil.example/{M}/\">",
    "<form action=\"https://evil.example/{M}\"><button>Gửi</button></form>",
    "<math><a xlink:href=\"javascript:alert('{M}')\">x</a></math>",
    "<svg><a xlink:href=\"javascript:alert('{M}')\"><text>x</text></a></svg>",
    "<a data-bdhvs-embed=\"https://evil.example/{M}\" href=\"../index.md\">video</a>",
    "Gõ `<!--` rồi <img src=\"anh.png\" onerror=\"alert('{M}')\"> rồi `-->` nhé.",
    "Dấu ` mở.\n\n<a href=\"javascript:alert('{M}')\">bấm</a> dấu ` đóng.",
    "\\`<a href=\"https://evil.example/{M}\">bấm</a>`",
    "`x` <img src=\"anh.png\" onerror=\"alert('{M}')\"> `y`",
    "<!-- --> <img src=\"anh.png\" onerror=\"alert('{M}')\">",
    "<p title=\"x\" onclick=\"alert('{M}')\">đoạn</p>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('{M}')>\"></p></noscript>",
    "<a href=\"../index.md\" formaction=\"https://evil.example/{M}\">a</a>",
    "<blockquote cite=\"javascript:alert('{M}')\">trích</blockquote>",
    "<a href=\"&#x6A;avascript:alert('{M}')\">a</a>",
    "<a href=\"  javascript:alert('{M}')\">a</a>",
    "<a href=\"https://evil.example\\@dichvucong.gov.vn/{M}\">a</a>",
]
SNIPPETS = ['--8<-- "/etc/{M}"', '--8<-- "https://evil.example/{M}.md"', "--8<--\n{M}.md\n--8<--",
            '-8<- "../../{M}"', '    --8<-- "glossary-abbr.md{M}"']


def _yaml_single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def variants() -> list[Variant]:
    out: list[Variant] = []
    counter = itertools.count(1)
    spellings = [(u, True) for u in HOSTILE_URLS] + [(u, False) for u in HARMLESS_URLS]
    for index, ((spelling, hostile), (position, template)) in enumerate(itertools.product(spellings, POSITIONS.items())):
        # every spelling in the common positions; a third of them in the others (build time)
        if position not in COMMON and (index // len(POSITIONS)) % 3:
            continue
        n = next(counter)
        if position == "source":
            front = f"sources:\n  - title: Nguồn\n    url: {_yaml_single(spelling)}\n    date: 2026-11-20\n"
            # a newspaper, or any ASCII .gov.vn host (registration is restricted), is fine as a source
            newspaper_source = "vnexpress.net" in spelling or spelling.startswith("https://evildichvucong.gov.vn/")
            out.append(Variant(n, "Nội dung có nguồn {M}.", hostile and not newspaper_source, line=7, front=front))
            continue
        url = spelling if not position.startswith("html-") and not position.startswith("attr-") else spelling.replace('"', "&quot;")
        body = template.format(U=url)
        line = BODY_LINE + (2 if position == "refdef" else 0)
        out.append(Variant(n, body, hostile, line=line))
    for text in MARKUP:
        n = next(counter)
        line = BODY_LINE + text.split("{M}")[0].count("\n")
        out.append(Variant(n, text, True, line=line))
    for text in SNIPPETS:
        out.append(Variant(next(counter), text, True))
    return out


VARIANTS = variants()


def live_markers(site: Path, markers: set[str]) -> dict[str, str]:
    """Markers that are live in the built pages (see the module docstring), with where."""
    found: dict[str, str] = {}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        if "VMARK" not in html:
            continue
        tree = LexborHTMLParser(html)
        for node in tree.root.traverse(include_text=False):
            tag = (node.tag or "").lower()
            if tag.startswith("-"):
                continue
            if tag in EXECUTABLE:
                for m in markers:
                    if m in (node.html or ""):
                        found.setdefault(m, f"{page.relative_to(site)} <{tag}>")
            for name, value in node.attributes.items():
                name = name.lower()
                if not value or "VMARK" not in value:
                    continue
                if name.startswith("on") or name in URL_ATTRS or name == "style" or name.startswith("data-bdhvs"):
                    for m in markers:
                        if m in value:
                            found.setdefault(m, f"{page.relative_to(site)} <{tag} {name}>")
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("variants")
    project = gatekit.make_project(base / "project")
    for v in VARIANTS:
        target = project / v.path
        target.write_text(v.text(), encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs"],
                           cwd=project, env=gatekit.ENV, capture_output=True, text=True, errors="replace")
    site = base / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "-d", str(site)], cwd=project, env=gatekit.ENV, capture_output=True, text=True,
                           errors="replace")
    return check.stdout + check.stderr, build.stdout + build.stderr, site


def test_there_are_a_few_hundred_variants():
    assert len(VARIANTS) >= 300
    assert len({v.marker for v in VARIANTS}) == len(VARIANTS)


@pytest.mark.slow
def test_no_traceback(run):
    check, build, _site = run
    assert not gatekit.tracebacks(check), check[-3000:]
    assert not gatekit.tracebacks(build), build[-3000:]


@pytest.mark.slow
def test_no_hostile_variant_is_published(run):
    _check, _build, site = run
    hostile = {v.marker for v in VARIANTS if v.hostile}
    live = live_markers(site, hostile)
    assert not live, f"{len(live)} published: " + "; ".join(f"{m}: {w}" for m, w in sorted(live.items())[:20])


@pytest.mark.slow
def test_every_hostile_variant_is_reported_at_its_line_by_check_and_build(run):
    check, build, _site = run
    missed = []
    for v in VARIANTS:
        if not v.hostile:
            continue
        for road, output in (("check", check), ("build", build)):
            if f"{v.path}:{v.line}:" not in output:
                missed.append(f"{road} {v.path}:{v.line} {v.body[:70]!r}")
    assert not missed, f"{len(missed)} missed:\n" + "\n".join(missed[:40])


@pytest.mark.slow
def test_harmless_spellings_raise_nothing(run):
    check, build, _site = run
    lines = (check + build).splitlines()
    noisy = [line for v in VARIANTS if not v.hostile for line in lines
             if f"{v.path}:" in line and ("  URL-" in line or "  HTML-" in line)]
    assert not noisy, "\n".join(noisy[:20])


# --- front-matter YAML shapes and file encodings (reading them is GATE's: issue #21 item 1) ---
# Each page carries a hostile URL (marker inside) in a front-matter source or in its body.
FM_TAIL = "---\n\n# Biến thể {n}\n\nNội dung.\n"
FM_HEAD = "---\ntitle: Biến thể {n}\ndescription: Trang thử sinh tự động cho một dạng YAML của phần đầu trang.\npage_type: info\n"
YAML_SHAPES = [
    'sources:\n  - title: Nguồn\n    url: "https://evil.example/\\u0041{M}"\n    date: 2026-11-20\n',
    "sources:\n  - title: Nguồn\n    url: |\n      https://evil.example/{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url: >-\n      https://evil.example/{M}\n    date: 2026-11-20\n",
    'sources: [{title: Nguồn, url: "https://evil.example/{M}", date: 2026-11-20}]\n',
    "sources:\n  - &s {title: Nguồn, url: 'https://evil.example/{M}', date: 2026-11-20}\n  - *s\n",
    "sources:\n  - title: Nguồn\n    url: !!str https://evil.example/{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url: https://dichvucong.gov.vn/\n    url: https://evil.example/{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url:\thttps://evil.example/{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url: https://evil.example/" + "a" * 3000 + "{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url: https://evil.example\\@dichvucong.gov.vn/{M}\n    date: 2026-02-30\n",
    "sources:\n  - title: Nguồn\n    url: !!python/object/apply:os.getcwd []\n    note: https://evil.example/{M}\n    date: 2026-11-20\n",
    "sources:\n  - title: Nguồn\n    url: 'javascript:alert(\"{M}\")'\n    date: 2026-13-01\n",
    "extra: " + "[" * 60 + "1" + "]" * 60 + "\nsources:\n  - title: Nguồn\n    url: https://evil.example/{M}\n    date: 2026-11-20\n",
]
BODY = "[Mở trang](https://evil.example\\@dichvucong.gov.vn/{M})"
ENCODINGS = {  # name -> bytes of a page whose body holds BODY at line 9
    "utf8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf16le-bom": lambda t: t.encode("utf-16"),
    "utf16be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf16le": lambda t: t.encode("utf-16-le"),
    "utf16be": lambda t: t.encode("utf-16-be"),
    "cp1258": lambda t: t.encode("cp1258", errors="replace"),
    "cp1252": lambda t: t.encode("cp1252", errors="replace"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "nul-byte": lambda t: t.replace("Biến thể", "Biến\x00 thể", 1).encode("utf-8"),
    "vni-text": lambda t: t.replace("Biến thể", "Bieán theå").encode("utf-8"),  # VNI pasted into UTF-8
    "tcvn3-text": lambda t: t.replace("Biến thể", "BiÕn thÓ").encode("utf-8"),  # TCVN3 pasted into UTF-8
    "mixed": lambda t: t.encode("utf-8").replace("Trang".encode(), "Trang".encode("utf-16-le"), 1),
}


def gate_shapes() -> list[tuple[Variant, bytes]]:
    out, n = [], 900
    for shape in YAML_SHAPES:
        n += 1
        v = Variant(n, "", True)
        text = FM_HEAD.format(n=n) + shape.replace("{M}", v.marker) + FM_TAIL.format(n=n)
        out.append((v, text.encode("utf-8")))
    for name, encode in ENCODINGS.items():
        n += 1
        v = Variant(n, BODY, True)
        text = HEAD.format(n=n, extra="").replace("Trang thử sinh tự động", f"Trang thử ({name}) sinh tự động")
        text = text.replace("Biến thể", "Bien the") if name.startswith("cp125") else text
        out.append((v, encode(text + BODY.replace("{M}", v.marker) + "\n")))
    return out


GATE_SHAPES = gate_shapes()


@pytest.fixture(scope="module")
def run_shapes(tmp_path_factory):
    base = tmp_path_factory.mktemp("shapes")
    project = gatekit.make_project(base / "project")
    for v, data in GATE_SHAPES:
        (project / v.path).write_bytes(data)
    env = dict(gatekit.ENV, **{gatekit.CANARY: "leaked-" + gatekit.CANARY})
    check = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs"],
                           cwd=project, env=env, capture_output=True, text=True, errors="replace")
    site = base / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "-d", str(site)], cwd=project, env=env, capture_output=True, text=True, errors="replace")
    return check.stdout + check.stderr, build.stdout + build.stderr, site


@pytest.mark.slow
def test_yaml_shapes_and_encodings_publish_nothing(run_shapes):
    _check, _build, site = run_shapes
    live = live_markers(site, {v.marker for v, _ in GATE_SHAPES}) if site.exists() else {}
    assert not live, live


@pytest.mark.slow
def test_yaml_shapes_and_encodings_crash_nothing(run_shapes):
    check, build, _site = run_shapes
    assert not gatekit.tracebacks(check), check[-3000:]
    assert not gatekit.tracebacks(build), build[-3000:]


@pytest.mark.slow
def test_yaml_shapes_and_encodings_are_reported_in_their_file(run_shapes):
    check, build, _site = run_shapes
    missed = [f"{road} {v.path}" for v, _ in GATE_SHAPES for road, out in (("check", check), ("build", build))
              if f"{v.path}:" not in out]
    assert not missed, f"{len(missed)} not reported: {missed[:6]}"
