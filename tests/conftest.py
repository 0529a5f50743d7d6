"""Shared fixtures: one strict build of the real site per test session, a local web
server for it, and a real Chromium (Debian's /usr/bin/chromium) driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS  # one place for the path and launch flags
from bdhvs.deploy.serve import LoopbackServer, normalize_prefix

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    site: Path
    output: str  # everything mkdocs printed (stdout + stderr)
    returncode: int


def build_site(dest: Path, *, env: dict | None = None, config: Path | None = None) -> Build:
    """Run `mkdocs build --strict` exactly as `make site` does, into ``dest``."""
    run_env = dict(os.environ, SITE_DIR=str(dest), NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    run_env.update(env or {})
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    if config:
        cmd += ["-f", str(config)]
    proc = subprocess.run(cmd, cwd=ROOT, env=run_env, capture_output=True, text=True)
    return Build(dest, proc.stdout + proc.stderr, proc.returncode)


def write_fixture_config(project_dir: Path) -> Path:
    """mkdocs.yml for a small fixture project in ``project_dir``: the real configuration
    without the real nav (the fixture has its own pages) and with the real theme overrides."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.M)
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    path = Path(project_dir) / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


@pytest.fixture
def require():
    """``require(ok, reason)``: a system tool a test needs is missing. On a contributor's
    machine the test is skipped; under CI=true it FAILS, because CI must run every test
    (`make test` installs these tools first, scripts/dev.py PREREQUISITES)."""

    def check(ok: bool, reason: str) -> None:
        if ok:
            return
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)

    return check


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    result = build_site(tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built.site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webp": "image/webp", ".vtt": "text/vtt", ".wasm": "application/wasm",
        ".js": "text/javascript", ".mjs": "text/javascript", ".woff2": "font/woff2",
        ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream", ".pagefind": "application/octet-stream",
    }

    def log_message(self, *args):  # keep test output readable
        pass


class StaticServer(LoopbackServer):
    """Serve a folder on 127.0.0.1 (optionally under a sub-path), no special headers."""

    def __init__(self, root: Path, prefix: str = "/"):
        self.root = Path(root)
        self.prefix = normalize_prefix(prefix)
        serve_dir = self.root
        if self.prefix != "/":
            # Mount the site under the sub-path, like the commune web server would.
            self._mount = Path(str(root) + ".mount")
            if self._mount.exists():
                shutil.rmtree(self._mount)
            target = self._mount / self.prefix.strip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(self.root, target_is_directory=True)
            serve_dir = self._mount
        super().__init__(functools.partial(_QuietHandler, directory=str(serve_dir)))


@pytest.fixture(scope="session")
def server(site):
    srv = StaticServer(site)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver per test run: a second sync_playwright() in the same process fails
    ("Sync API inside the asyncio loop"), so every module that needs its own browser launches it here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install Debian's package: apt-get install chromium "
            "(.ci/run does this), or set BDHVS_CHROMIUM."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


class RecordingPage:
    """A Playwright page that records every request it makes."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))

    def third_party(self, origin: str) -> list[str]:
        return [u for u in self.requests if not (u.startswith(origin) or u.startswith("data:")
                                                  or u.startswith("blob:") or u.startswith("about:"))]


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(**context_args) -> RecordingPage:
        context = browser.new_context(**context_args)
        contexts.append(context)
        return RecordingPage(context)

    yield make
    for context in contexts:
        context.close()


PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True}
