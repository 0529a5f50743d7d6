#!/usr/bin/env python3
"""One entry point for people: set up the project if needed, then run a task.

    python3 scripts/dev.py serve    # xem trước trang ở http://127.0.0.1:8000
    python3 scripts/dev.py site     # dựng trang vào thư mục site/
    python3 scripts/dev.py test     # chạy toàn bộ kiểm thử (tự cài gói hệ thống còn thiếu
                                    # khi có quyền root/sudo, nếu không thì báo lệnh cài)
    python3 scripts/dev.py check    # chỉ chạy kiểm tra nội dung (bdhvs check)
    python3 scripts/dev.py bench    # đo dung lượng và tốc độ
    python3 scripts/dev.py cms      # mở trình biên tập trên trình duyệt (cần Node.js/npm)

Works the same on Linux, macOS and Windows (``py scripts\\dev.py serve``).
The Makefile only forwards to this file, so there is one place for the setup logic.
Uses only the standard library: it runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".bdhvs-installed"


@dataclass(frozen=True)
class Prerequisite:
    """A system package the whole test suite needs, and how to see that it is there."""

    package: str  # Debian/Ubuntu package name
    purpose: str  # what it is for, in Vietnamese
    command: str = ""  # present when this command is on PATH …
    path: str = ""  # … or when this file exists
    env: str = ""  # an environment variable that names the file instead (e.g. BDHVS_CHROMIUM)

    def present(self) -> bool:
        if self.env and os.environ.get(self.env):
            return Path(os.environ[self.env]).exists()
        if self.command and shutil.which(self.command):
            return True
        return bool(self.path) and Path(self.path).exists()


# The ONE list of system packages `make test` needs (.ci/run only makes sure `make` exists,
# then calls `make test`, which installs what is missing from here). Keep it in step with
# the README's "make test" paragraph; tests/test_prerequisites.py runs the check for real.
PREREQUISITES = [
    Prerequisite("chromium", "trình duyệt Chromium cho kiểm thử trên trình duyệt thật",
                 command="chromium", path="/usr/bin/chromium", env="BDHVS_CHROMIUM"),
    # Spelling itself uses the copy in data/spelling/ (works on any machine); the test suite
    # compares that copy with Debian's (tests/checks/test_spelling_words.py).
    Prerequisite("hunspell-vi", "từ điển Debian để so với bản từ điển trong data/spelling/",
                 path="/usr/share/hunspell/vi_VN.dic"),
    Prerequisite("fonts-noto-core", "phông Noto để kiểm tra chữ Êđê và in PDF",
                 path="/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    Prerequisite("default-jre-headless", "Java cho Nu Html Checker", command="java"),
    Prerequisite("npm", "Node.js và npm cho Lighthouse và trình biên tập", command="npm"),
    Prerequisite("rsync", "rsync cho kiểm thử đưa trang lên máy chủ", command="rsync"),
    Prerequisite("openssh-server", "máy chủ SSH thật trên 127.0.0.1 cho kiểm thử đưa trang lên",
                 command="sshd", path="/usr/sbin/sshd"),
    Prerequisite("openssh-client", "ssh và ssh-keygen cho kiểm thử đưa trang lên", command="ssh"),
    Prerequisite("nginx-light", "nginx để kiểm tra cấu hình máy chủ đi kèm",
                 command="nginx", path="/usr/sbin/nginx"),
]


def missing_prerequisites() -> list[Prerequisite]:
    return [p for p in PREREQUISITES if not p.present()]


def _may_install() -> list[str] | None:
    """The command prefix to install Debian packages with, or None when we may not."""
    if os.environ.get("BDHVS_NO_SYSTEM_INSTALL") or os.name == "nt" or not shutil.which("apt-get"):
        return None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def ensure_prerequisites() -> None:
    """Before any test: install missing system packages when we may, else stop with one line."""
    missing = missing_prerequisites()
    if not missing:
        return
    names = [p.package for p in missing]
    command = "sudo apt-get install -y --no-install-recommends " + " ".join(names)
    listing = ", ".join(f"{p.package} ({p.purpose})" for p in missing)
    prefix = _may_install()
    if prefix is None:
        where = ("" if shutil.which("apt-get") else
                 " Máy này không phải Debian/Ubuntu: toàn bộ kiểm thử cần Debian/Ubuntu (hoặc WSL);"
                 " 'check', 'site' và 'serve' vẫn chạy được.")
        print(f"Thiếu gói hệ thống để chạy kiểm thử: {listing}. Cài bằng lệnh: {command} "
              f"rồi chạy lại 'make test'.{where}", file=sys.stderr)
        sys.exit(2)
    print(f"• Cài các gói hệ thống còn thiếu: {' '.join(names)} …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    ok = subprocess.run([*prefix, "apt-get", "update", "-q"], env=env).returncode == 0
    ok = ok and subprocess.run([*prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends",
                                *names], env=env).returncode == 0
    still = missing_prerequisites()
    if not ok or still:
        left = ", ".join(p.package for p in still) or ", ".join(names)
        print(f"Cài gói hệ thống không thành công, vẫn thiếu: {left}. Thử tự cài bằng lệnh: "
              f"{command} rồi chạy lại 'make test'.", file=sys.stderr)
        sys.exit(2)


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


def ensure_node_tools(py: str) -> bool:
    """`npm ci` in tools/ when needed (bdhvs.audit.node_tools). False, with one line
    saying so, when it could not: the suite is then not started (never a partial run)."""
    code = ("import sys\nfrom bdhvs.audit import node_tools as n\n"
            "try:\n    n.ensure_installed()\nexcept Exception:\n    sys.exit(1)\n")
    if subprocess.call([py, "-c", code], cwd=ROOT) == 0:
        return True
    print("Chưa cài được công cụ Node trong tools/ (Lighthouse, Nu Html Checker, trình biên tập): "
          "chạy 'cd tools && npm ci' để xem lỗi, rồi chạy lại 'make test'.", file=sys.stderr)
    return False


def main(args: list[str]) -> int:
    task = args[0] if args else "help"
    rest = args[1:]
    if task in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    if task == "test":
        ensure_prerequisites()  # before any test, and before a long pip install
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
        # The browser editor's bundle must be in tools/node_modules BEFORE the first build of
        # the test session (it is copied into site/admin/); the same `npm ci` as the audits.
        if not ensure_node_tools(py):
            return 2
        return run(py, "-m", "pytest", *rest)
    if task == "cms":
        return run(bdhvs, "cms", *rest)
    if task in {"check", "bench", "images", "handouts", "bundle", "translations"}:
        return run(bdhvs, task, *rest)
    print(f"Không biết lệnh '{task}'. Xem: python3 scripts/dev.py help", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
