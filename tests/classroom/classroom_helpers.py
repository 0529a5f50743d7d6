"""Helpers for the classroom tests: the session site served with the production headers,
and a recorder of Content-Security-Policy violations."""
from __future__ import annotations

import pytest

from bdhvs.deploy.serve import SiteServer

GUIDE = "huong-dan/cai-dat-vneid/"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# Runs before any page script: records every CSP violation the page reports.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
    + ' at ' + e.sourceFile + ':' + e.lineNumber);
}, true);
"""


@pytest.fixture(scope="session")
def policy_server(site):
    """The built site served EXACTLY as nginx/Apache would (bdhvs.deploy.headers)."""
    srv = SiteServer(site)
    yield srv
    srv.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def guide_steps(page) -> int:
    return page.evaluate("document.querySelectorAll('#cac-buoc ~ ol > li').length")


__all__ = ["policy_server", "violations", "guide_steps", "GUIDE", "DESKTOP", "RECORD_CSP"]
