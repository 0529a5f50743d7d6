"""The local editor: the built site (with /admin/) on 127.0.0.1 and decap-server, the
Decap CMS proxy that reads and writes the project's files directly. Used by `bdhvs cms`
and by the browser tests (on a COPY of the project).

decap-server modes: ``fs`` writes files straight into the folder (what an editor
previewing on their own machine wants); ``git`` commits, and with the editorial
workflow keeps each entry on a ``cms/<collection>/<slug>`` branch until published.
"""
from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bdhvs.audit import node_tools
from bdhvs.cms import bundle


class ProxyError(RuntimeError):
    """The proxy could not start; the message is Vietnamese and says what to do."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    """decap-server on 127.0.0.1:``port`` serving ``repo`` (a folder; a git repo for mode git)."""

    def __init__(self, repo: Path, port: int | None = None, mode: str = "fs", log_level: str = "warn"):
        self.repo, self.port, self.mode, self.log_level = Path(repo), port or free_port(), mode, log_level
        self.proc: subprocess.Popen | None = None
        self.log = None  # decap-server's output: a file, so a long session never fills a pipe

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def start(self, timeout: float = 30.0) -> "Proxy":
        script = bundle.proxy_script()
        if not script.is_file():
            raise ProxyError("Chưa cài decap-server (trình biên tập chạy trên máy). Chạy: cd tools/cms && npm ci "
                             "--ignore-scripts, rồi thử lại.")
        env = dict(os.environ, PORT=str(self.port), BIND_HOST="127.0.0.1", MODE=self.mode,
                   GIT_REPO_DIRECTORY=str(self.repo), LOG_LEVEL=self.log_level)
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen([node_tools.node(), str(script)], env=env, cwd=self.repo,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                out = self.output()
                self.stop()
                raise ProxyError(f"decap-server dừng ngay khi chạy (mã {self.proc.returncode}). {out.strip()[-500:]}")
            if self.ping():
                return self
            time.sleep(0.1)
        self.stop()
        raise ProxyError(f"decap-server không trả lời ở {self.url} sau {timeout:.0f} giây.")

    def ping(self) -> bool:
        req = urllib.request.Request(self.url, data=b'{"action":"info"}',
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log:
            self.log.close()
            self.log = None

    def output(self) -> str:
        """What decap-server printed so far (its log)."""
        if not self.log:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
