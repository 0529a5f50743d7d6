"""`bdhvs deploy`: versioned releases, atomic switch, rollback, interrupted uploads.

Against a local target folder (the same shell snippets a server runs), and against a
real OpenSSH server on 127.0.0.1 when sshd is installed (.ci/run installs it)."""
from __future__ import annotations

import getpass
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bdhvs.deploy import releases as rel
from bdhvs.deploy.serve import SiteServer

ROOT = Path(__file__).resolve().parents[2]
BDHVS = [sys.executable, "-m", "bdhvs.cli"]


def make_site(path: Path, version: str, *, extra_bytes: int = 0) -> Path:
    (path / "huong-dan").mkdir(parents=True, exist_ok=True)
    (path / "index.html").write_text(f"<!doctype html><title>{version}</title><h1>{version}</h1>", encoding="utf-8")
    (path / "huong-dan" / "index.html").write_text(f"<h1>Hướng dẫn {version}</h1>", encoding="utf-8")
    (path / "assets").mkdir(exist_ok=True)
    (path / "assets" / "site.css").write_text("body { font-size: 18px }\n")  # same in every version
    if extra_bytes:
        media = path / "media"
        media.mkdir(exist_ok=True)
        for i in range(40):
            (media / f"video-{i:02d}.bin").write_bytes(os.urandom(extra_bytes // 40))
    return path


def served(base: Path, path: str = "") -> str:
    """What a visitor gets: the web server's document root is base/current."""
    with SiteServer(base / "current") as srv:
        return urllib.request.urlopen(srv.url + path).read().decode("utf-8")


def cli(*args, env=None, **kw) -> subprocess.CompletedProcess:
    run_env = dict(os.environ, PYTHONUTF8="1", **(env or {}))
    return subprocess.run([*BDHVS, *args], cwd=ROOT, env=run_env, capture_output=True, text=True, **kw)


def test_release_ids_sort_by_time_and_carry_the_revision():
    import datetime as dt

    a = rel.release_id(dt.datetime(2026, 11, 25, 9, 5, 1), "1a2b3c4d")
    b = rel.release_id(dt.datetime(2026, 11, 25, 10, 0, 0), "0000aaaa")
    assert a == "20261125T090501Z-1a2b3c4d" and a < b
    assert rel.is_release_name(a) and not rel.is_release_name(".partial-" + a)


def test_prune_keeps_newest_and_never_the_live_release():
    names = [f"2026010{i}T000000Z" for i in range(1, 8)]
    assert rel.to_prune(names, names[-1], keep=3) == names[:4]
    # after a rollback to an old release, that one survives pruning too
    assert names[0] not in rel.to_prune(names, names[0], keep=2)
    assert rel.previous(names, names[3]) == names[2]
    assert rel.previous(names, names[0]) is None


def test_new_release_switches_current_and_rollback_returns(tmp_path):
    base = tmp_path / "server"
    target = rel.Target(base=str(base))
    v1 = make_site(tmp_path / "v1", "phien-ban-1")
    v2 = make_site(tmp_path / "v2", "phien-ban-2")
    rel.publish(target, v1, rid="20260101T000000Z-aaaa")
    assert "phien-ban-1" in served(base)
    rel.publish(target, v2, rid="20260102T000000Z-bbbb")
    assert os.readlink(base / "current") == "releases/20260102T000000Z-bbbb"
    assert "phien-ban-2" in served(base) and "phien-ban-2" in served(base, "huong-dan/")
    # the previous release is kept, whole, for an instant rollback
    assert (base / "releases/20260101T000000Z-aaaa/index.html").read_text().count("phien-ban-1")
    assert rel.rollback(target) == "20260101T000000Z-aaaa"
    assert "phien-ban-1" in served(base)
    assert not (base / ".current.tmp").exists()


def test_old_releases_beyond_keep_are_removed(tmp_path):
    base = tmp_path / "server"
    target = rel.Target(base=str(base))
    for day in range(1, 6):
        rel.publish(target, make_site(tmp_path / f"v{day}", f"v{day}"), rid=f"2026010{day}T000000Z", keep=2)
    assert sorted(p.name for p in (base / "releases").iterdir()) == ["20260104T000000Z", "20260105T000000Z"]
    assert "v5" in served(base)


def test_cli_deploy_list_and_rollback(tmp_path):
    base = tmp_path / "server"
    for i, name in enumerate(["20260101T000000Z-aaaa", "20260102T000000Z-bbbb"]):
        proc = cli("deploy", "--target", str(base), "--site", str(make_site(tmp_path / f"s{i}", name)), "--id", name)
        assert proc.returncode == 0, proc.stderr
    listing = cli("deploy", "--target", str(base), "--list").stdout
    assert "* 20260102T000000Z-bbbb" in listing and "  20260101T000000Z-aaaa" in listing
    proc = cli("deploy", "--target", str(base), "--rollback")
    assert proc.returncode == 0 and "20260101T000000Z-aaaa" in proc.stdout
    assert "20260101T000000Z-aaaa" in served(base)
    # nothing older: a clear Vietnamese message, no traceback, the live site untouched
    proc = cli("deploy", "--target", str(base), "--rollback")
    assert proc.returncode == 1 and "Không có bản cũ hơn" in proc.stderr and "Traceback" not in proc.stderr
    assert "20260101T000000Z-aaaa" in served(base)


def test_missing_build_is_refused_in_vietnamese(tmp_path):
    proc = cli("deploy", "--target", str(tmp_path / "server"), "--site", str(tmp_path / "nothing"))
    assert proc.returncode == 1
    assert "make site" in proc.stderr and "Traceback" not in proc.stderr


def test_a_corrupted_upload_is_never_switched_to(tmp_path):
    """The SHA-256 check runs on the uploaded copy: a damaged file stops the switch."""
    base = tmp_path / "server"
    target = rel.Target(base=str(base))
    rel.publish(target, make_site(tmp_path / "v1", "v1"), rid="20260101T000000Z")
    v2 = make_site(tmp_path / "v2", "v2")
    rid = "20260102T000000Z"
    assert target.run(rel.script_prepare(rid)).returncode == 0
    target.upload(v2, rid, "20260101T000000Z")
    target.put_text(rel.manifest(v2), f"releases/.partial-{rid}/{rel.MANIFEST}")
    (base / "releases" / f".partial-{rid}" / "index.html").write_text("half a file")  # damaged in transit
    assert target.run(rel.script_verify(rid)).returncode != 0
    assert "v1" in served(base)


def test_upload_killed_halfway_leaves_the_previous_release_serving(tmp_path, require):
    require(shutil.which("rsync") is not None, "rsync not installed (make test installs it)")
    base = tmp_path / "server"
    target = rel.Target(base=str(base))
    rel.publish(target, make_site(tmp_path / "v1", "phien-ban-1"), rid="20260101T000000Z")
    big = make_site(tmp_path / "v2", "phien-ban-2", extra_bytes=4 * 1024 * 1024)
    # A slow uplink (rsync --bwlimit, a real setting for a commune office) makes the upload
    # last long enough to kill it in the middle, like a power cut or a closed laptop.
    proc = subprocess.Popen(
        [*BDHVS, "deploy", "--target", str(base), "--site", str(big), "--id", "20260102T000000Z"],
        cwd=ROOT, env=dict(os.environ, BDHVS_DEPLOY_RSYNC_ARGS="--bwlimit=400"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    partial = base / "releases" / ".partial-20260102T000000Z"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        media = partial / "media"
        if media.is_dir() and any(media.iterdir()):
            break
        time.sleep(0.02)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the upload never started")
    os.killpg(proc.pid, signal.SIGKILL)  # kill deploy and its rsync
    proc.wait()
    copied = sum(1 for _ in (partial / "media").iterdir()) if (partial / "media").exists() else 0
    assert copied < 40, "the upload finished before it was killed: the test proves nothing"
    assert os.readlink(base / "current") == "releases/20260101T000000Z"
    assert "phien-ban-1" in served(base)
    assert not (base / "releases" / "20260102T000000Z").exists()
    # the next deploy clears the debris and publishes normally
    rel.publish(target, big, rid="20260103T000000Z")
    assert "phien-ban-2" in served(base)
    assert not any(p.name.startswith(".partial-") for p in (base / "releases").iterdir())


# --- a real SSH server on 127.0.0.1 ---------------------------------------------------

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if Path("/usr/sbin/sshd").exists() else None)
# The test's own sshd runs as whoever runs the tests (no system service, no root needed) on a
# free loopback port, and accepts only that user's test key.
LOGIN = f"{getpass.getuser()}@127.0.0.1"


@pytest.fixture
def ssh_server(tmp_path, require):
    require(SSHD is not None and shutil.which("ssh") is not None and shutil.which("rsync") is not None,
            "openssh-server/rsync not installed (make test installs them)")
    d = tmp_path / "ssh"
    d.mkdir()
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / name)], check=True)
    (d / "authorized_keys").write_text((d / "client.pub").read_text())
    os.chmod(d / "authorized_keys", 0o600)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = d / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d / 'host'}\nPidFile {d / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {d / 'authorized_keys'}\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nPermitRootLogin prohibit-password\nStrictModes no\n"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation (only when run as root)
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE)
    key = (d / "host.pub").read_text().split()
    (d / "known_hosts").write_text(f"[127.0.0.1]:{port} {key[0]} {key[1]}\n")
    env = {"BDHVS_DEPLOY_SSH_PORT": str(port), "BDHVS_DEPLOY_SSH_KEY": str(d / "client"),
           "BDHVS_DEPLOY_KNOWN_HOSTS": str(d / "known_hosts")}
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ok = subprocess.run(["ssh", "-p", str(port), "-i", str(d / "client"), "-o", "BatchMode=yes",
                             "-o", f"UserKnownHostsFile={d / 'known_hosts'}", LOGIN, "true"],
                            capture_output=True)
        if ok.returncode == 0:
            break
        time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("sshd did not start: " + proc.stderr.read1().decode(errors="replace"))
    yield env
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.slow
def test_deploy_over_ssh_switches_and_rolls_back(tmp_path, ssh_server):
    base = tmp_path / "www"
    target_arg = f"{LOGIN}:{base}"
    for i, name in enumerate(["20260101T000000Z-aaaa", "20260102T000000Z-bbbb"]):
        proc = cli("deploy", "--target", target_arg, "--site", str(make_site(tmp_path / f"s{i}", name)),
                   "--id", name, env=ssh_server)
        assert proc.returncode == 0, proc.stderr
    assert os.readlink(base / "current") == "releases/20260102T000000Z-bbbb"
    assert "20260102T000000Z-bbbb" in served(base)
    # unchanged files are hard links to the previous release (rsync --link-dest): cheap uploads
    assert (base / "releases/20260102T000000Z-bbbb/assets/site.css").stat().st_nlink == 2
    assert (base / "releases/20260102T000000Z-bbbb/index.html").stat().st_nlink == 1
    proc = cli("deploy", "--target", target_arg, "--rollback", env=ssh_server)
    assert proc.returncode == 0, proc.stderr
    assert "20260101T000000Z-aaaa" in served(base)


def test_ssh_host_key_mismatch_refuses_to_deploy(tmp_path, ssh_server):
    env = dict(ssh_server)
    wrong = tmp_path / "wrong_known_hosts"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "other")], check=True)
    key = (tmp_path / "other.pub").read_text().split()
    wrong.write_text(f"[127.0.0.1]:{env['BDHVS_DEPLOY_SSH_PORT']} {key[0]} {key[1]}\n")
    env["BDHVS_DEPLOY_KNOWN_HOSTS"] = str(wrong)
    proc = cli("deploy", "--target", f"{LOGIN}:{tmp_path / 'www'}",
               "--site", str(make_site(tmp_path / "s", "x")), env=env)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "www" / "current").exists()
