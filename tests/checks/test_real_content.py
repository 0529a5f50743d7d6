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
