"""axe-core and the Nu Html Checker over EVERY built page of both languages."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from a11y_pages import all_pages, guide_paths  # noqa: F401 (all_pages is a fixture)
from bdhvs.audit import vnu
from conftest import PHONE

# Rules of axe-core's default run (WCAG 2.0/2.1/2.2 A and AA plus best practices).
AXE = Axe()


def axe_violations(page) -> list[str]:
    result = AXE.run(page)
    out = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            out.append(f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])} — {node['html'][:120]}")
    return out


@pytest.mark.browser
def test_axe_finds_no_violation_on_any_page(server, new_page, all_pages):
    page = new_page(**PHONE).page
    problems = []
    for path in all_pages:
        page.goto(server.url + path)
        problems += [f"{path or '/'}: {v}" for v in axe_violations(page)]
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("setting", ["size-3", "high-contrast"])
def test_axe_finds_no_violation_with_reading_settings(server, new_page, site, setting):
    """Large text and high contrast must stay accessible too (contrast, overlap)."""
    page = new_page(**PHONE).page
    page.goto(server.url)
    key, value = ("bdhvs.textSize", "3") if setting == "size-3" else ("bdhvs.contrast", "high")
    page.evaluate(f"localStorage.setItem('{key}', '{value}')")
    problems = []
    for path in ["", *guide_paths(site)[:3], "ede/"]:
        page.goto(server.url + path)
        problems += [f"{path or '/'}: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_nu_html_checker_finds_no_error_on_any_page(site, all_pages):
    files = [site / p / "index.html" if not p.endswith(".html") else site / p for p in all_pages]
    findings = vnu.check(files, root=site)
    assert findings == [], "\n".join(f.human() for f in findings)
