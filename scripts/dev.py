#!/usr/bin/env python3
"""One entry point for people: set up the project if needed, then run a task.

    python3 scripts/dev.py serve    # xem trước trang ở http://127.0.0.1:8000
    python3 scripts/dev.py site     # dựng trang vào thư mục site/
    python3 scripts/dev.py test     # chạy toàn bộ kiểm thử
    python3 scripts/dev.py check    # chỉ chạy kiểm tra nội dung (bdhvs check)
    python3 scripts/dev.py bench    # đo dung lượng và tốc độ

Works the same on Linux, macOS and Windows (``py scripts\\dev.py serve``).
The Makefile only forwards to this file, so there is one place for the setup logic.
Uses only the standard library: it runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".bdhvs-installed"


def venv_bin(name: str) -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    exe = ".exe" if os.name == "nt" else ""
    return VENV / sub / f"{name}{exe}"


def wanted_stamp() -> str:
    digest = hashlib.sha256()
    for path in (REQUIREMENTS, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the pinned requirements when missing or changed."""
    if sys.version_info[:2] != (3, 11):
        print(
            f"Cần Python 3.11 (đang dùng {sys.version.split()[0]}). "
            "Cài Python 3.11 rồi chạy lại lệnh này bằng python3.11.",
            file=sys.stderr,
        )
        sys.exit(2)
    if not venv_bin("python").exists():
        print("• Tạo môi trường ảo .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = wanted_stamp()
    if STAMP.exists() and STAMP.read_text() == stamp:
        return
    print("• Cài các gói đã ghim phiên bản (requirements.txt) …", flush=True)
    pip = [str(venv_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-r", str(REQUIREMENTS)], check=True)
    subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(stamp)


def run(*argv: str) -> int:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's MkDocs-2.0 banner (stderr only)
    env.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    env.setdefault("PYTHONUTF8", "1")  # Windows consoles: print Vietnamese correctly
    return subprocess.call(list(argv), cwd=ROOT, env=env)


def main(args: list[str]) -> int:
    task = args[0] if args else "help"
    rest = args[1:]
    if task in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    ensure_environment()
    py = str(venv_bin("python"))
    bdhvs = str(venv_bin("bdhvs"))
    if task == "setup":
        return 0
    if task == "serve":
        return run(py, "-m", "mkdocs", "serve", "--strict", "-a", "127.0.0.1:8000", *rest)
    if task == "site":
        return run(py, "-m", "mkdocs", "build", "--strict", *rest)
    if task == "test":
        return run(py, "-m", "pytest", *rest)
    if task in {"check", "bench", "images", "handouts", "bundle", "translations"}:
        return run(bdhvs, task, *rest)
    print(f"Không biết lệnh '{task}'. Xem: python3 scripts/dev.py help", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
