"""Atomic, versioned releases on a web server (or a local folder).

Layout on the target (``base``)::

    base/releases/20261125T213000Z-1a2b3c4d/   one complete, verified copy of the site each
    base/releases/.partial-<id>/                an upload in progress (never served)
    base/current -> releases/<id>               the web server's document root (a symlink)

A deploy uploads into ``.partial-<id>``, checks every file against a SHA-256 manifest,
renames the folder to ``<id>`` and only then replaces ``current`` in one atomic rename
(``ln -sfn … .current.tmp && mv -T .current.tmp current``). A killed upload leaves a
``.partial-*`` folder that nobody serves; the next deploy removes it. Old releases beyond
``keep`` are deleted; the live one never is.

The same POSIX shell snippets run on both kinds of target, locally through ``sh`` or
remotely through ``ssh``, so the local tests exercise exactly what the server runs.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".bdhvs-release.sha256"
_ID = re.compile(r"^\d{8}T\d{6}Z(?:-[0-9A-Za-z]{1,40})?(?:-\d+)?$")


class DeployError(Exception):
    """A problem the person deploying can fix; the message is Vietnamese."""


def release_id(now: dt.datetime | None = None, revision: str = "") -> str:
    """Sortable id: UTC time, then the git revision when known (``20261125T213000Z-1a2b3c4d``)."""
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    rev = re.sub(r"[^0-9A-Za-z]", "", revision)[:12]
    return f"{stamp}-{rev}" if rev else stamp


def is_release_name(name: str) -> bool:
    return bool(_ID.match(name))


def manifest(site: Path) -> str:
    """``sha256sum``-format lines for every file of the site (sorted, relative paths)."""
    lines = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(site).as_posix()
        if rel == MANIFEST:
            continue
        if path.is_symlink() or "\n" in rel or "\\" in rel:
            raise DeployError(f"Tệp không hợp lệ trong bản dựng: {rel} (liên kết tượng trưng hoặc tên lạ). "
                              "Hãy dựng lại trang bằng `make site`.")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  ./{rel}")
    return "\n".join(lines) + "\n"


def to_prune(releases: list[str], live: str | None, keep: int) -> list[str]:
    """Releases to delete: all but the ``keep`` newest, never the live one."""
    ordered = sorted(r for r in releases if is_release_name(r))
    keep_set = set(ordered[-keep:]) if keep > 0 else set()
    if live:
        keep_set.add(live)
    return [r for r in ordered if r not in keep_set]


def previous(releases: list[str], live: str | None) -> str | None:
    """The release just before the live one (what a rollback switches to)."""
    ordered = sorted(r for r in releases if is_release_name(r))
    if live not in ordered:
        return ordered[-1] if ordered else None
    i = ordered.index(live)
    return ordered[i - 1] if i > 0 else None


# --- shell snippets (POSIX sh + coreutils), run inside ``base`` -----------------------

def _q(text: str) -> str:
    return shlex.quote(text)


def script_prepare(rid: str) -> str:
    return ("set -e; mkdir -p releases; "
            "for d in releases/.partial-*; do [ -e \"$d\" ] && rm -rf -- \"$d\"; done; "
            f"test ! -e releases/{_q(rid)} || {{ echo 'release exists' >&2; exit 17; }}")


def script_verify(rid: str) -> str:
    d = f"releases/.partial-{rid}"
    return (f"set -e; cd {_q(d)}; test -f index.html; "
            f"sha256sum --quiet --strict --check {MANIFEST}; "
            f"files=$(find . -type f ! -name {MANIFEST} | wc -l); "
            f"lines=$(wc -l < {MANIFEST}); test \"$files\" -eq \"$lines\"")


def script_switch(rid: str, *, from_partial: bool) -> str:
    move = f"mv -T -- releases/.partial-{_q(rid)} releases/{_q(rid)}; " if from_partial else ""
    return (f"set -e; test -d releases/.partial-{_q(rid)} -o -d releases/{_q(rid)}; {move}"
            f"test -f releases/{_q(rid)}/index.html; "
            "if [ -d current ] && [ ! -L current ]; then echo 'current is a real folder' >&2; exit 18; fi; "
            f"ln -sfn releases/{_q(rid)} .current.tmp && mv -T .current.tmp current; "
            f"test \"$(readlink current)\" = releases/{_q(rid)}")


SCRIPT_STATE = "mkdir -p releases; ls -1A releases; echo '@@live'; readlink current || true"


def script_remove(names: list[str]) -> str:
    return "set -e; " + "; ".join(f"rm -rf -- releases/{_q(n)}" for n in names)


# --- targets -------------------------------------------------------------------------

@dataclass
class Target:
    """Where releases live. ``host`` empty = a folder on this machine."""
    base: str
    host: str = ""  # user@host for SSH
    port: int | None = None
    identity: str | None = None  # private key file
    known_hosts: str | None = None
    rsync_args: list[str] = field(default_factory=list)  # e.g. ["--bwlimit=500"] on a slow uplink
    _control: str | None = field(default=None, repr=False)

    @property
    def remote(self) -> bool:
        return bool(self.host)

    def describe(self) -> str:
        return f"{self.host}:{self.base}" if self.remote else self.base

    def _ssh(self) -> list[str]:
        cmd = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        if self.port:
            cmd += ["-p", str(self.port)]
        if self.identity:
            cmd += ["-i", self.identity, "-o", "IdentitiesOnly=yes"]
        if self.known_hosts:
            cmd += ["-o", f"UserKnownHostsFile={self.known_hosts}", "-o", "StrictHostKeyChecking=yes"]
        # One SSH connection for the whole deploy (a dozen commands): much faster on a slow link.
        if self._control is None:
            self._control = tempfile.mkdtemp(prefix="bdhvs-ssh-")
        cmd += ["-o", "ControlMaster=auto", "-o", f"ControlPath={self._control}/%C", "-o", "ControlPersist=60"]
        return cmd

    def close(self) -> None:
        """End the shared SSH connection (if any)."""
        if self._control is None:
            return
        if self.remote:
            subprocess.run([*self._ssh(), "-O", "exit", self.host], capture_output=True)
        shutil.rmtree(self._control, ignore_errors=True)
        self._control = None

    def run(self, script: str) -> subprocess.CompletedProcess:
        full = f"mkdir -p {_q(self.base)} && cd {_q(self.base)} && {{ {script}; }}"
        if self.remote:
            cmd = [*self._ssh(), self.host, full]
        else:
            Path(self.base).mkdir(parents=True, exist_ok=True)
            cmd = ["sh", "-c", full]
        return subprocess.run(cmd, capture_output=True, text=True)

    def upload(self, site: Path, rid: str, link_dest: str | None) -> None:
        """Copy the site into releases/.partial-<id>/ (rsync; plain copy if rsync is missing locally)."""
        dest = f"{self.base.rstrip('/')}/releases/.partial-{rid}/"
        if shutil.which("rsync") is None:
            if self.remote:
                raise DeployError("Thiếu chương trình rsync trên máy này. Cài bằng: apt-get install rsync")
            shutil.copytree(site, dest)
            return
        # --checksum: compare contents, not size+time (every build gives every file a new time;
        # a rebuilt file of the same size within the same second would otherwise be taken
        # from the old release). No -t: times are not kept, so an unchanged file can be a
        # hard link to the live release (--link-dest needs equal attributes).
        cmd = ["rsync", "-rlp", "--delete", "--checksum", *self.rsync_args]
        if link_dest:  # unchanged files become hard links to the live release: fast, small
            cmd.append(f"--link-dest={self.base.rstrip('/')}/releases/{link_dest}/")
        if self.remote:
            cmd += ["-e", shlex.join(self._ssh())]
            cmd += [f"{site}/", f"{self.host}:{dest}"]
        else:
            cmd += [f"{site}/", dest]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise DeployError(f"Tải lên {self.describe()} không thành công (rsync mã {proc.returncode}): "
                              f"{proc.stderr.strip()[-400:]}\nTrang đang chạy không bị ảnh hưởng.")

    def put_text(self, text: str, rel: str) -> None:
        if not self.remote:
            Path(self.base, rel).write_text(text, encoding="utf-8")
            return
        proc = subprocess.run([*self._ssh(), self.host, f"cat > {_q(self.base.rstrip('/') + '/' + rel)}"],
                              input=text, capture_output=True, text=True)
        if proc.returncode != 0:
            raise DeployError(f"Không ghi được {rel} lên {self.describe()}: {proc.stderr.strip()[-300:]}")


@dataclass
class State:
    releases: list[str]
    partials: list[str]
    live: str | None


def state(target: Target) -> State:
    proc = target.run(SCRIPT_STATE)
    if proc.returncode != 0:
        raise DeployError(f"Không đọc được thư mục {target.describe()}: {proc.stderr.strip()[-300:]}")
    names, _, live = proc.stdout.partition("@@live")
    entries = [n for n in names.split() if n]
    link = live.strip()
    live_name = link.split("/", 1)[1].rstrip("/") if link.startswith("releases/") else None
    return State(
        releases=sorted(n for n in entries if is_release_name(n)),
        partials=sorted(n for n in entries if n.startswith(".partial-")),
        live=live_name,
    )


def _check(proc: subprocess.CompletedProcess, what: str, target: Target) -> None:
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip()[-400:]
        raise DeployError(f"{what} trên {target.describe()} không thành công: {detail}\n"
                          "Trang đang chạy vẫn là bản cũ.")


def publish(target: Target, site: Path, *, rid: str, keep: int = 5) -> str:
    """Upload ``site`` as a new release, verify it, switch ``current`` to it, prune. Returns the id."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise DeployError(f"Không thấy {site}/index.html: hãy dựng trang trước (`make site`).")
    if not is_release_name(rid):
        raise DeployError(f"Tên bản phát hành không hợp lệ: {rid}")
    before = state(target)
    if rid in before.releases:
        raise DeployError(f"Bản phát hành {rid} đã có trên {target.describe()}.")
    _check(target.run(script_prepare(rid)), "Chuẩn bị thư mục", target)
    target.upload(site, rid, before.live)
    target.put_text(manifest(site), f"releases/.partial-{rid}/{MANIFEST}")
    _check(target.run(script_verify(rid)), "Kiểm tra bản vừa tải lên (SHA-256)", target)
    _check(target.run(script_switch(rid, from_partial=True)), "Chuyển sang bản mới", target)
    after = state(target)
    old = to_prune(after.releases, after.live, keep)
    if old:
        _check(target.run(script_remove(old)), "Xoá bản cũ", target)
    return rid


def rollback(target: Target, to: str | None = None) -> str:
    """Point ``current`` at the previous release (or at ``to``). Returns the id now live."""
    now = state(target)
    wanted = to or previous(now.releases, now.live)
    if not wanted:
        raise DeployError("Không có bản cũ hơn để quay lại. Các bản hiện có: "
                          + (", ".join(now.releases) or "không có"))
    if wanted not in now.releases:
        raise DeployError(f"Không có bản {wanted}. Các bản hiện có: {', '.join(now.releases)}")
    _check(target.run(script_switch(wanted, from_partial=False)), "Quay lại bản cũ", target)
    return wanted


def git_revision(root: Path) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short=8", "HEAD"], cwd=root, capture_output=True, text=True)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def target_from_env(value: str | None = None, env: dict | None = None) -> Target:
    """Settings from the environment (GitHub secrets): see docs-dev/classroom.md."""
    env = os.environ if env is None else env
    raw = value or env.get("BDHVS_DEPLOY_TARGET", "")
    if not raw:
        raise DeployError("Chưa đặt nơi triển khai. Dùng --target hoặc biến môi trường BDHVS_DEPLOY_TARGET "
                          "(ví dụ: deploy@may-chu-xa:/var/www/bdhvs hoặc một thư mục trên máy này).")
    host, base = "", raw
    m = re.match(r"^(?:ssh://)?([^/:@\s]+@[^/:\s]+|[^/:\s]+):(/.*)$", raw)
    if m and not raw.startswith("/"):
        host, base = m.group(1), m.group(2)
    elif not raw.startswith("/"):
        base = str(Path(raw).resolve())
    port = env.get("BDHVS_DEPLOY_SSH_PORT")
    return Target(
        base=base, host=host,
        port=int(port) if port else None,
        identity=env.get("BDHVS_DEPLOY_SSH_KEY") or None,
        known_hosts=env.get("BDHVS_DEPLOY_KNOWN_HOSTS") or None,
        rsync_args=shlex.split(env.get("BDHVS_DEPLOY_RSYNC_ARGS", "")),
    )


def write_key_from_env(env: dict | None = None) -> str | None:
    """CI: a private key given as text (BDHVS_DEPLOY_SSH_PRIVATE_KEY) is written to a 0600 file."""
    env = os.environ if env is None else env
    text = env.get("BDHVS_DEPLOY_SSH_PRIVATE_KEY")
    if not text:
        return None
    fd, path = tempfile.mkstemp(prefix="bdhvs-deploy-key-")
    with os.fdopen(fd, "w") as fh:
        fh.write(text.strip() + "\n")
    os.chmod(path, 0o600)
    return path
