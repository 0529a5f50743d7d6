"""`bdhvs check` on the real content: docs/ and data/ as they are, plus the internal
links and anchors of the session's strict build (both languages). Zero errors."""
from __future__ import annotations

import os
import subprocess
import sys

from bdhvs import settings
from bdhvs.checks import codes, runner


def test_real_content_has_no_errors(site):
    # Exactly what an editor runs (`bdhvs check`), with the session's strict build for the
    # internal links of both languages.
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--site", str(site)], cwd=settings.ROOT,
                          capture_output=True, text=True, env=dict(os.environ, PYTHONUTF8="1"))
    errors = [line for line in proc.stdout.splitlines() if line.strip() and codes.WARNING_MARK not in line]
    assert proc.returncode == 0 and errors == [], "\n".join(errors) + proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def test_real_guides_are_really_checked():
    # Guard against a check that silently checks nothing: the real guides are pages
    # with front matter, prose and links.
    from bdhvs.checks import links, prose
    from bdhvs.checks.source import load

    guides = sorted((settings.DOCS_DIR / "vi" / "huong-dan").glob("*.md"))
    assert guides
    doc, problems = load(guides[0])
    assert doc is not None and doc.kind == "page" and doc.meta
    assert prose.analyse(doc).text.strip() and links.extract(doc)


def test_post_build_pass_really_reads_the_built_site(site, tmp_path):
    # Break a raw-HTML link and an anchor inside a copy of the real build: both reported.
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "huong-dan" / "cai-dat-vneid" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../khong-co-trang/">x</a><a href="#khong-co-muc">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    found = sorted((f.code, f.file) for f in runner.check_built(site_dir=copy))
    assert found == [("LINK-ANCHOR", "site/huong-dan/cai-dat-vneid/index.html"),
                     ("LINK-BROKEN", "site/huong-dan/cai-dat-vneid/index.html")]
