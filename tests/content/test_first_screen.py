"""On a 360×740 phone the first screen of every guide shows its title and what the guide
does (the first paragraph); the draft notice is one or two short lines under the title."""
from __future__ import annotations

import pytest

from conftest import PHONE
from content_helpers import GUIDE_IDS, GUIDES, guide_url

VIEWPORT_HEIGHT = PHONE["viewport"]["height"]


@pytest.mark.browser
@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_title_and_first_paragraph_fit_the_first_phone_screen(server, new_page, guide):
    page = new_page(**PHONE).page
    page.goto(server.url + guide_url(guide.slug))
    title = page.locator("article h1").first
    first = page.locator("article h1 ~ p:not([data-bdhvs])").first
    for element in (title, first):
        box = element.bounding_box()
        assert box is not None and box["y"] >= 0
        assert box["y"] + box["height"] <= VIEWPORT_HEIGHT, (guide.slug, element.inner_text()[:60], box)
    if guide.review_status == "draft":
        notice = page.locator('article [data-bdhvs="draft-notice"]')
        box = notice.bounding_box()
        line = float(notice.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert box["height"] <= 2 * line + 1, (guide.slug, box, line)  # at most two short lines
        assert title.bounding_box()["y"] < box["y"] < first.bounding_box()["y"]  # under the title
