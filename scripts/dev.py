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
Uses only the standard library: it runs before anything is installed, on any Python 3
(an unsupported one gets one Vietnamese line, never a traceback).
"""
import sys

if sys.version_info < (3, 7):  # before importing what so old a Python lacks (dataclasses)
    sys.exit("Cần Python 3.11, 3.12 hoặc 3.13 (từ 3.11.2), đang dùng Python %d.%d: cài Python mới hơn "
             "(Debian/Ubuntu: apt install python3 python3-venv), rồi chạy lại." % sys.version_info[:2])

import glob  # noqa: E402
import hashlib  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import venv  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".bdhvs-installed"

# The Pythons the project supports: what the target systems ship (Debian 12: 3.11.2,
# Ubuntu 24.04: 3.12, Debian 13: 3.13). Keep in step with pyproject.toml requires-python,
# the markers in requirements.txt and the CI matrix (tests/test_python_versions.py).
SUPPORTED = ((3, 11), (3, 12), (3, 13))
MINIMUM = (3, 11, 2)


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
        return bool(self.path) and bool(glob.glob(self.path))


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
    # Chromium is installed without its recommended fonts: Noto gives it Vietnamese glyphs to
    # lay out and print (handouts PDF). Building the site needs no system font (the drawing
    # fonts ship in scripts/bdhvs/media/fonts/).
    Prerequisite("fonts-noto-core", "phông Noto cho Chromium khi kiểm thử và in PDF",
                 path="/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    # Playwright drives Chromium through its bundled Node, which needs libatomic.so.1
    # (absent from a minimal Debian: every browser test failed "Connection closed").
    Prerequisite("libatomic1", "thư viện cho Node đi kèm Playwright (điều khiển trình duyệt)",
                 path="/usr/lib/*-linux-gnu/libatomic.so.1"),
    Prerequisite("default-jre-headless", "Java cho Nu Html Checker", command="java"),
    Prerequisite("npm", "Node.js và npm cho Lighthouse và trình biên tập", command="npm"),
    Prerequisite("rsync", "rsync cho kiểm thử đưa trang lên máy chủ", command="rsync"),
    Prerequisite("openssh-server", "máy chủ SSH thật trên 127.0.0.1 cho kiểm thử đưa trang lên",
                 command="sshd", path="/usr/sbin/sshd"),
    Prerequisite("openssh-client", "ssh và ssh-keygen cho kiểm thử đưa trang lên", command="ssh"),
    Prerequisite("nginx-light", "nginx để kiểm tra cấu hình máy chủ đi kèm",
                 command="nginx", path="/usr/sbin/nginx"),
]


def os_id() -> str:
    """ID= of /etc/os-release (debian, ubuntu, …), or "" elsewhere."""
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("ID="):
                return line[3:].strip().strip('"')
    except OSError:
        pass
    return ""


def snap_chromium() -> bool:
    """Ubuntu's `chromium` package only installs the snap, which containers cannot run:
    there the tests use Playwright's own Chromium build instead (ensure_playwright_chromium)."""
    return os_id() == "ubuntu"


def missing_prerequisites() -> "list[Prerequisite]":
    skip = {"chromium"} if snap_chromium() and not os.environ.get("BDHVS_CHROMIUM") else set()
    return [p for p in PREREQUISITES if p.package not in skip and not p.present()]


def ensure_playwright_chromium(py: str) -> None:
    """On Ubuntu without a Chromium: Playwright's build (`playwright install --with-deps
    chromium`), then BDHVS_CHROMIUM points the tests at it."""
    chromium = next(p for p in PREREQUISITES if p.package == "chromium")
    if not snap_chromium() or chromium.present():
        return
    command = [py, "-m", "playwright", "install", "--with-deps", "chromium"]
    prefix = _may_install()
    if prefix is None or subprocess.run([*prefix, *command]).returncode != 0:
        print("Ubuntu chỉ có Chromium dạng snap: cài Chromium của Playwright bằng lệnh (bằng root): "
              ".venv/bin/python -m playwright install --with-deps chromium, rồi chạy lại 'make test'.",
              file=sys.stderr)
        sys.exit(2)
    where = subprocess.run([py, "-c", "from playwright.sync_api import sync_playwright\n"
                            "with sync_playwright() as p: print(p.chromium.executable_path)"],
                           capture_output=True, text=True)
    os.environ["BDHVS_CHROMIUM"] = where.stdout.strip()


# Packages whose Debian maintainer scripts start a system daemon (and enable it at boot):
# the tests run their own sshd/nginx as plain processes on free loopback ports, so these
# are installed with a policy-rc.d that forbids starting anything, then disabled.
SERVICES = {"openssh-server": ("ssh.service", "ssh.socket"), "nginx-light": ("nginx.service",)}
POLICY_RC_D = Path("/usr/sbin/policy-rc.d")


def _may_install() -> "list[str] | None":
    """The command prefix to install Debian packages with, or None when we may not."""
    if os.environ.get("BDHVS_NO_SYSTEM_INSTALL") or os.name == "nt" or not shutil.which("apt-get"):
        return None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def install_hint(names: "list[str]") -> str:
    """How to install `names` by hand; does not assume sudo exists (a minimal Debian has none)."""
    command = "apt-get install -y --no-install-recommends " + " ".join(names)
    if shutil.which("sudo"):
        return f"sudo {command}"
    return f"su -c 'apt-get update && {command}' (bằng tài khoản root)"


def _run_quiet(argv: "list[str]") -> None:
    try:
        subprocess.run(argv, capture_output=True)
    except OSError:
        pass


def _disable_services(prefix: "list[str]", packages: "list[str]") -> None:
    """Leave no daemon of `packages` enabled at boot (nothing was started: policy-rc.d)."""
    units = [u for p in packages for u in SERVICES.get(p, ())]
    if not units:
        return
    if shutil.which("deb-systemd-helper"):
        for unit in units:
            _run_quiet([*prefix, "deb-systemd-helper", "disable", unit])
    if shutil.which("systemctl"):
        _run_quiet([*prefix, "systemctl", "disable", "--quiet", *units])
    if shutil.which("update-rc.d"):
        for unit in units:
            _run_quiet([*prefix, "update-rc.d", unit.split(".")[0], "disable"])


def _apt_install(prefix: "list[str]", names: "list[str]", env: dict) -> bool:
    services = [n for n in names if n in SERVICES]
    policy = None
    if services and not POLICY_RC_D.exists():
        policy = POLICY_RC_D  # removed again below: it only covers this install
        script = "#!/bin/sh\n# written by scripts/dev.py while installing test tools: start no daemon\nexit 101\n"
        wrote = subprocess.run([*prefix, "tee", str(policy)], input=script, text=True,
                               stdout=subprocess.DEVNULL).returncode == 0
        if not wrote or subprocess.run([*prefix, "chmod", "755", str(policy)]).returncode != 0:
            policy = None
    try:
        ok = subprocess.run([*prefix, "apt-get", "update", "-q"], env=env).returncode == 0
        ok = ok and subprocess.run([*prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends",
                                    *names], env=env).returncode == 0
    finally:
        if policy is not None:
            _run_quiet([*prefix, "rm", "-f", str(policy)])
    _disable_services(prefix, services)
    return ok


def ensure_prerequisites() -> None:
    """Before any test: install missing system packages when we may, else stop with one line."""
    missing = missing_prerequisites()
    if not missing:
        return
    names = [p.package for p in missing]
    listing = ", ".join(f"{p.package} ({p.purpose})" for p in missing)
    prefix = _may_install()
    if prefix is None:
        if shutil.which("apt-get") or Path("/etc/debian_version").exists():
            print(f"Thiếu gói hệ thống để chạy kiểm thử: {listing}. Cài bằng lệnh: {install_hint(names)} "
                  "rồi chạy lại 'make test'.", file=sys.stderr)
        else:
            print(f"Thiếu chương trình để chạy kiểm thử: {listing}. Toàn bộ kiểm thử cần Debian/Ubuntu "
                  "(hoặc WSL trên Windows); 'make site', 'make serve' và 'make check' vẫn chạy được ở máy này.",
                  file=sys.stderr)
        sys.exit(2)
    print(f"• Cài các gói hệ thống còn thiếu: {' '.join(names)} …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    ok = _apt_install(prefix, names, env)
    still = missing_prerequisites()
    if not ok or still:
        left = [p.package for p in still] or names
        print(f"Cài gói hệ thống không thành công, vẫn thiếu: {', '.join(left)}. Xem lỗi của apt-get ở trên "
              f"(mạng, nguồn gói), rồi tự cài bằng lệnh: {install_hint(left)} và chạy lại 'make test'.",
              file=sys.stderr)
        sys.exit(2)


def venv_bin(name: str) -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    exe = ".exe" if os.name == "nt" else ""
    return VENV / sub / f"{name}{exe}"


def wanted_stamp() -> str:
    digest = hashlib.sha256()
    for path in (REQUIREMENTS, ROOT / "pyproject.toml", VENV / "pyvenv.cfg"):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def version_text(version=None) -> str:
    return ".".join(str(n) for n in (version or sys.version_info)[:3])


def supported(version=None) -> bool:
    version = tuple(version or sys.version_info)
    return tuple(version[:2]) in SUPPORTED and tuple(version[:3]) >= MINIMUM


def supported_names() -> str:
    names = [f"{major}.{minor}" for major, minor in SUPPORTED]
    return f"Python {', '.join(names[:-1])} hoặc {names[-1]} (từ {version_text(MINIMUM)})"


def find_supported_python() -> "list[str] | None":
    """The newest supported Python on this machine, as a command: `py -3.x` on Windows (the
    python.org launcher), else python3.x on PATH (Homebrew, Debian, Ubuntu)."""
    for major, minor in reversed(SUPPORTED):
        if os.name == "nt":
            candidate = ["py", f"-{major}.{minor}"]
        else:
            found = shutil.which(f"python{major}.{minor}")
            if not found:
                continue
            candidate = [found]
        try:
            probe = subprocess.run([*candidate, "-c", "import sys; print(tuple(sys.version_info[:3]))"],
                                   capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0 and supported(tuple(int(n) for n in probe.stdout.strip(" ()\n").split(","))):
            return candidate
    return None


def check_python(args: "list[str]") -> None:
    """Run on a supported Python: when this one is not, hand over to the newest supported
    one found (same arguments), else stop with one Vietnamese line, never a traceback."""
    if supported():
        return
    other = None if os.environ.get("BDHVS_DEV_HANDED_OVER") else find_supported_python()
    if other:
        env = dict(os.environ, BDHVS_DEV_HANDED_OVER="1")
        sys.exit(subprocess.call([*other, str(Path(__file__).resolve()), *args], env=env))
    if os.name == "nt":
        how = "cài Python 3.13 từ python.org (đánh dấu Add python.exe to PATH) rồi chạy lại"
    elif sys.platform == "darwin":
        how = "cài bằng: brew install python@3.13, rồi chạy lại"
    else:
        how = "Debian/Ubuntu: apt install python3 python3-venv (bằng root), rồi chạy lại"
    print(f"Cần {supported_names()}, đang dùng Python {version_text()} ({sys.executable}): {how}.",
          file=sys.stderr)
    sys.exit(2)


def _create_venv() -> None:
    print(f"• Tạo môi trường ảo .venv (Python {version_text()}) …", flush=True)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)  # never leave a half-made .venv behind
        minor = f"{sys.version_info[0]}.{sys.version_info[1]}"
        if isinstance(exc, subprocess.CalledProcessError) and shutil.which("apt-get"):
            fix = f"thiếu gói python{minor}-venv, cài bằng: apt install python3-venv python{minor}-venv (bằng root)"
        else:
            fix = f"{exc}"
        print(f"Chưa tạo được môi trường ảo .venv: {fix}; rồi chạy lại lệnh.", file=sys.stderr)
        sys.exit(2)


def ensure_environment() -> None:
    """Create .venv and install the pinned requirements when missing or changed."""
    python = venv_bin("python")
    if not python.exists() or subprocess.run([str(python), "-c", "import pip"], capture_output=True).returncode:
        _create_venv()  # missing, or made by a Python that is gone (e.g. after an OS upgrade)
    stamp = wanted_stamp()
    if STAMP.exists() and STAMP.read_text() == stamp:
        return
    print("• Cài các gói đã ghim phiên bản (requirements.txt) …", flush=True)
    pip = [str(venv_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    for step in (["install", "-r", str(REQUIREMENTS)], ["install", "--no-deps", "-e", str(ROOT)]):
        if subprocess.run([*pip, *step]).returncode != 0:
            print("Chưa cài được các gói Python đã ghim: xem lỗi của pip ở trên. Thường do mạng — kiểm tra "
                  "kết nối tới pypi.org (máy dùng proxy thì đặt biến HTTPS_PROXY), rồi chạy lại lệnh; "
                  "nếu vẫn lỗi, xoá thư mục .venv rồi chạy lại.", file=sys.stderr)
            sys.exit(2)
    STAMP.write_text(stamp)


def run(*argv: str) -> int:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's MkDocs-2.0 banner (stderr only)
    env.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    env.setdefault("PYTHONUTF8", "1")  # Windows consoles: print Vietnamese correctly
    return subprocess.call(list(argv), cwd=ROOT, env=env)


def ensure_node_tools(py: str, *sets: str) -> bool:
    """`npm ci` in tools/audit/ and/or tools/cms/ when needed (bdhvs.audit.node_tools). False,
    with one line saying why and how to fix it, when it could not: the suite is then not
    started (never a partial run)."""
    code = ("import sys\nfrom bdhvs.audit import node_tools as n\n"
            "try:\n    [n.ensure_installed(getattr(n, s)) for s in sys.argv[1:]]\n"
            "except n.ToolMissing as exc:\n    print(exc, file=sys.stderr)\n    sys.exit(1)\n")
    return subprocess.call([py, "-c", code, *sets], cwd=ROOT) == 0


def main(args: "list[str]") -> int:
    task = args[0] if args else "help"
    rest = args[1:]
    if task in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    check_python(args)
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
        # The audit tools, and the browser editor's bundle, which must be in tools/cms/
        # BEFORE the first build of the test session (it is copied into site/admin/).
        ensure_playwright_chromium(py)
        if not ensure_node_tools(py, "AUDIT", "CMS"):
            return 2
        return run(py, "-m", "pytest", *rest)
    if task == "cms":
        return run(bdhvs, "cms", *rest)  # installs only the editor (tools/cms/)
    if task == "check":
        # The sources only, as the README says: fast, no build (`bdhvs check` alone also
        # builds the site to check its internal links; `make site` reports those too).
        return run(bdhvs, "check", *(rest or ["--no-build"]))
    if task in {"bench", "images", "handouts", "bundle", "translations"}:
        return run(bdhvs, task, *rest)
    print(f"Không biết lệnh '{task}'. Xem: python3 scripts/dev.py help", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
