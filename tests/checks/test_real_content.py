"""`bdhvs check` on the real content: docs/ and data/ as they are, plus the internal
links and anchors of the session's strict build (both languages). Zero errors."""
from __future__ import annotations

from bdhvs import settings
from bdhvs.checks import runner
from bdhvs.findings import ERROR


def test_real_content_has_no_errors(site):
    findings = runner.check_paths([settings.DOCS_DIR, settings.DATA_DIR])
    findings += runner.check_built(site_dir=site)
    errors = [f.human() for f in findings if f.severity == ERROR]
    assert errors == [], "\n".join(errors)


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
