"""Headless Chromium (Debian's /usr/bin/chromium driven by Playwright): the ONE place for
its path and launch flags, used by handouts, benchmarks, audits and the tests.

Without the background-networking flags Chromium keeps trying to reach Google's hosts on
a closed network.
"""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
]


class BrowserMissing(Exception):
    pass


CHROMIUM = os.environ.get("BDHVS_CHROMIUM", "/usr/bin/chromium")


def chromium_path() -> str:
    """CHROMIUM, or a Vietnamese BrowserMissing saying how to install it."""
    if not Path(CHROMIUM).exists():
        raise BrowserMissing(
            f"Không thấy trình duyệt Chromium ở {CHROMIUM}. Cài bằng: apt-get install chromium "
            "(hoặc đặt biến BDHVS_CHROMIUM là đường dẫn tới Chromium)."
        )
    return CHROMIUM
