"""The fast nav-link resolver used on every Ede page agrees with urllib's urljoin."""
from urllib.parse import urljoin

import pytest

from bdhvs.i18n.feature import _resolve

BASES = ["/ede/", "/ede/huong-dan/x/", "/ede/a/b/", "/ede/x.html", "/ede/a/b.html"]
HREFS = ["../y/", "../../", "huong-dan/", "./", ".", "..", "#t", "../c.html#q", "y.html",
         "../b/#c", "/abs/path/", "a/b/../c/", ""]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("href", HREFS)
def test_resolve_matches_urljoin(base, href):
    assert _resolve(base, href) == urljoin(base, href)
