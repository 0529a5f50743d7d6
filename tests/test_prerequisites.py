"""`make test` (scripts/dev.py test) checks its system prerequisites before any test:
it installs what is missing when it may, otherwise it stops at once with one line that
gives the exact install command. Run for real, as a contributor would, in a subprocess."""
from __future__ import annotations

import importlib.util
import shutil
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "scripts" / "dev.py"


def _dev_module():
    spec = importlib.util.spec_from_file_location("bdhvs_dev", DEV)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def run_dev(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(DEV), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"BDHVS_CHROMIUM", "BDHVS_NO_SYSTEM_INSTALL"}}
    env.update(extra)
    return env


def test_missing_browser_stops_before_any_test_with_one_line_and_the_install_command():
    proc = run_dev("test", env=_env(BDHVS_CHROMIUM="/nonexistent/chromium", BDHVS_NO_SYSTEM_INSTALL="1"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Thiếu gói hệ thống")
    assert "apt-get install -y --no-install-recommends chromium" in lines[0]
    assert "make test" in lines[0]
    # nothing ran: no pytest session, no pip install
    assert "test session starts" not in proc.stdout and proc.stdout.strip() == ""


def test_every_missing_tool_is_named_in_that_one_line(tmp_path):
    empty = tmp_path / "bin"  # a PATH with no java, npm, rsync, ssh, chromium
    empty.mkdir()
    proc = run_dev("test", env=_env(PATH=str(empty), BDHVS_CHROMIUM="/nonexistent/chromium",
                                    BDHVS_NO_SYSTEM_INSTALL="1"))
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    command = line.split("Cài bằng lệnh: ", 1)[1]
    # no sudo on this PATH (a minimal Debian has none): the line must not send people to it
    assert "sudo" not in line and "su -c" in command
    for package in ("chromium", "default-jre-headless", "npm", "rsync", "openssh-client"):
        assert re.search(rf"\b{package}\b", command), (package, line)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="the install path runs as root")
def test_as_root_it_installs_exactly_the_missing_packages_then_checks_again(tmp_path):
    """A fake apt-get records what it was asked; it installs nothing, so the check after the
    install still finds the browser missing and stops with one line — never a partial suite."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    fake = bin_dir / "apt-get"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {log}\nexit 0\n")
    fake.chmod(0o755)
    for tool in ("java", "npm", "rsync", "ssh", "sshd", "nginx"):  # everything else is there
        (bin_dir / tool).symlink_to("/bin/true")
    proc = run_dev("test", env=_env(PATH=str(bin_dir), BDHVS_CHROMIUM="/nonexistent/chromium"))
    calls = log.read_text().splitlines()
    assert calls[0].startswith("update")
    assert calls[1].split() == ["install", "-y", "-q", "--no-install-recommends", "chromium"]
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "vẫn thiếu: chromium" in line and "apt-get install" in line
    assert "test session starts" not in proc.stdout


def test_with_everything_present_the_test_runner_starts():
    proc = run_dev("test", "--version", env=_env())
    assert proc.returncode == 0, proc.stderr
    assert "pytest" in (proc.stdout + proc.stderr)


def test_one_list_readme_and_ci_agree_with_it():
    """.ci/run installs no package list of its own, and the README's install line names
    exactly the packages of scripts/dev.py PREREQUISITES."""
    packages = {p.package for p in _dev_module().PREREQUISITES}
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    assert not any(re.search(rf"\b{re.escape(p)}\b", ci) for p in packages - {"make"})
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(l for l in readme.splitlines() if "apt install" in l and "chromium" in l)
    assert set(line.split("apt install", 1)[1].strip(" `").split()) == packages


def test_daemon_packages_are_installed_without_starting_or_enabling_their_service(tmp_path, monkeypatch):
    """openssh-server and nginx would start sshd on :22 and nginx on :80 and enable them at
    boot: the install runs under a policy-rc.d that forbids starting (removed afterwards),
    then the units are disabled. Fake apt-get/systemctl record what happened."""
    dev = _dev_module()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    policy = tmp_path / "policy-rc.d"
    for tool in ("apt-get", "systemctl", "deb-systemd-helper"):
        fake = bin_dir / tool
        fake.write_text(f"#!/bin/sh\necho \"{tool} $*\" >> {log}\n"
                        f"if [ -x {policy} ]; then {policy}; echo \"  policy-rc.d says $?\" >> {log}; fi\n")
        fake.chmod(0o755)
    for tool in ("tee", "chmod", "rm"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(dev, "POLICY_RC_D", policy)
    assert dev._apt_install([], ["libatomic1", "openssh-server", "nginx-light"], dict(os.environ))
    calls = log.read_text().splitlines()
    install = calls.index("apt-get install -y -q --no-install-recommends libatomic1 openssh-server nginx-light")
    assert calls[install + 1] == "  policy-rc.d says 101"  # daemons may not start during the install
    assert not policy.exists()  # … and the policy is gone afterwards
    assert "systemctl disable --quiet ssh.service ssh.socket nginx.service" in calls
    assert "deb-systemd-helper disable ssh.service" in calls and "deb-systemd-helper disable nginx.service" in calls


def test_a_failed_pip_install_is_one_vietnamese_line_with_the_fix_not_a_traceback(tmp_path, monkeypatch, capfd):
    """Debian 12's Python 3.11.2 once met a pin it could not install: pip said why, then
    scripts/dev.py printed a CalledProcessError traceback. Now: pip's reason, then one line."""
    dev = _dev_module()
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("pymdown-extensions==0.0.0-does-not-exist\n")
    monkeypatch.setattr(dev, "VENV", tmp_path / "venv")
    monkeypatch.setattr(dev, "STAMP", tmp_path / "venv" / ".bdhvs-installed")
    monkeypatch.setattr(dev, "REQUIREMENTS", requirements)
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # fail at once, offline
    with pytest.raises(SystemExit) as stop:
        dev.ensure_environment()
    assert stop.value.code == 2
    err = capfd.readouterr().err
    assert "Traceback" not in err and "CalledProcessError" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("Chưa cài được các gói Python đã ghim") and "chạy lại" in last
    assert not (tmp_path / "venv" / ".bdhvs-installed").exists()  # the next run tries again
