"""The QR worker process is shut down and reaped at the end of every build (issue 24):
`mkdocs serve` rebuilds many times in one process, and each build could leave its worker
still running behind it. Linux only (reads /proc)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

UNIT = """
import os, sys
from bdhvs.classroom import qr

def children():
    me, out = str(os.getpid()), []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                cmdline = open(f"/proc/{pid}/cmdline", "rb").read()
            except OSError:
                continue
            if fields[1] == me and b"resource_tracker" not in cmdline:
                out.append(fields[0])
    return out

if __name__ == "__main__":
    sent = qr.prefetch((f"https://example.gov.vn/huong-dan/{i}/", f"Bài {i}") for i in range(300))
    print("sent", sent, "running", len(children()) > 0, flush=True)
    qr.shutdown()
    print("after shutdown", children(), flush=True)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_shutdown_returns_only_when_the_worker_is_gone(tmp_path):
    """The moment shutdown() returns (end of a build), the worker is gone, even while it
    was still drawing: nothing is left behind, running or as a zombie."""
    script = tmp_path / "unit.py"
    script.write_text(UNIT, encoding="utf-8")
    env = dict(os.environ, BDHVS_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "sent 300 running True" in proc.stdout, proc.stdout
    assert "after shutdown []" in proc.stdout, proc.stdout
