"""Load a page in a real Chromium (Playwright) and record what it downloads."""
from __future__ import annotations

from bdhvs.audit.weight import PageWeight, measure


def record_page_weight(context, url: str, origin: str, *, block_third_party: bool = True,
                       settle_ms: int = 150, inspect=None) -> PageWeight:
    """Open ``url`` in a new page of ``context`` and measure every response of the load.

    Requests to other origins are recorded and, with ``block_third_party``, refused, so
    that nothing leaves the machine (plain Material asks Google Fonts, for example).
    ``inspect(page)``, if given, runs on the loaded page; its result is ``weight.inspected``."""
    weight = PageWeight()
    page = context.new_page()
    responses = []

    def foreign(url_: str) -> bool:
        return not url_.startswith(origin) and not url_.startswith(("data:", "blob:", "about:"))

    def route(route_):
        if block_third_party and foreign(route_.request.url):
            return route_.abort()
        return route_.continue_()

    # Every attempt counts, also those a Content-Security-Policy stops before the network.
    page.on("request", lambda request: foreign(request.url) and weight.blocked_third_party.append(request.url))
    page.route("**/*", route)
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(settle_ms)
        if inspect is not None:
            weight.inspected = inspect(page)
        for response in responses:
            if response.request.url.startswith("data:") or foreign(response.url):
                continue
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - redirects and aborted loads have no body
                body = b""
            weight.resources.append(
                measure(response.url, body, response.headers.get("content-type", ""), origin=origin))
    finally:
        page.close()
    return weight
