#!/usr/bin/env bash
# Follow the README on a FRESH Debian, in a chroot, as a newcomer would (docs-dev/fresh-os.md).
#
#   sudo scripts/fresh-os-test.sh bookworm /srv/rootfs-12            # Debian 12: site, check, non-root
#   sudo scripts/fresh-os-test.sh trixie   /srv/rootfs-13 --test     # Debian 13: … and CI=true make test
#
# Needs root and debootstrap on a Debian/Ubuntu host. ROOTFS must be outside any git checkout.
# Steps: debootstrap --variant=minbase (once); mount proc, sys, dev, dev/pts and a tmpfs on
# /dev/shm; a policy-rc.d that starts no daemon; the host's extra CA certificates and its
# registry/proxy settings (so apt, pip and npm inside behave as on a machine with internet);
# then, inside, ONLY the README's commands: apt install python3 python3-venv git make, git
# clone, make site, make check (as root and as a user without root), and with --test
# `CI=true make test` as root (nice -n 10). Timings, downloads and disk sizes go to
# ROOTFS/root/fresh-os-report.txt and to stdout. Unmounts on exit.
set -euo pipefail

SUITE=${1:?suite: bookworm, trixie, …}
ROOTFS=$(realpath -m "${2:?rootfs folder}")
RUN_TESTS=${3:-}
REPO=${REPO:-$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)}
BRANCH=${BRANCH:-$(git -C "$REPO" rev-parse --abbrev-ref HEAD)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
REPORT=$ROOTFS/root/fresh-os-report.txt

[ "$(id -u)" = 0 ] || { echo "Cần chạy bằng root (debootstrap, chroot, mount)." >&2; exit 2; }
case "$ROOTFS/" in "$REPO"/*) echo "ROOTFS phải ở ngoài thư mục dự án." >&2; exit 2;; esac
command -v debootstrap >/dev/null || { echo "Cài debootstrap: apt-get install -y debootstrap" >&2; exit 2; }

if [ ! -x "$ROOTFS/usr/bin/apt-get" ]; then
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR"
fi

mounted=()
mnt() { mount "$@"; mounted+=("${@: -1}"); }
cleanup() {
  for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mountpoint -q "$ROOTFS/proc" || mnt -t proc proc "$ROOTFS/proc"
mountpoint -q "$ROOTFS/sys" || mnt -t sysfs sysfs "$ROOTFS/sys"
mountpoint -q "$ROOTFS/dev" || mnt --bind /dev "$ROOTFS/dev"
mountpoint -q "$ROOTFS/dev/pts" || mnt --bind /dev/pts "$ROOTFS/dev/pts"
mountpoint -q "$ROOTFS/dev/shm" || mnt -t tmpfs -o mode=1777,size=1g tmpfs "$ROOTFS/dev/shm"

# A real machine starts daemons when their package is installed; a chroot must not.
printf '#!/bin/sh\nexit 101\n' > "$ROOTFS/usr/sbin/policy-rc.d"
chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"

# How THIS host reaches the package registries: proxies, apt proxy settings, extra CA
# certificates (e.g. a TLS-inspecting egress proxy), pip/npm configuration. None of this is
# part of the README; a machine on the open internet needs none of it.
if compgen -G "/etc/apt/apt.conf.d/*proxy*" >/dev/null; then cp /etc/apt/apt.conf.d/*proxy* "$ROOTFS/etc/apt/apt.conf.d/"; fi
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$ROOTFS/etc/pip.conf"
[ -f /etc/npmrc ] && cp /etc/npmrc "$ROOTFS/etc/npmrc"
HOST_ENV=()
while IFS= read -r var; do HOST_ENV+=("$var=${!var}"); done < <(compgen -e | grep -E \
  '^(http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|PIP_CERT|PIP_INDEX_URL|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|REQUESTS_CA_BUNDLE|NPM_CONFIG_[A-Z_]+|npm_config_[a-z_]+)$' || true)
if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
  mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/* "$ROOTFS/usr/local/share/ca-certificates/"
  chroot "$ROOTFS" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "${HOST_ENV[@]}" \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null && update-ca-certificates >/dev/null'
fi

# The project, as `git clone` would get it from GitHub: a bundle of the branch.
git -C "$REPO" bundle create "$ROOTFS/tmp/bdhvs.bundle" "$BRANCH" >/dev/null 2>&1
chmod 644 "$ROOTFS/tmp/bdhvs.bundle"

# A second run of the script on the same ROOTFS updates the clone to the branch's new commit.
CLONE="if [ -d bdhvs ]; then git -C bdhvs fetch -q /tmp/bdhvs.bundle $BRANCH && git -C bdhvs reset -q --hard FETCH_HEAD; \
else git clone -q -b $BRANCH /tmp/bdhvs.bundle bdhvs; fi; git -C bdhvs log --oneline -1"

inside() {  # inside USER COMMAND…: a login-like clean environment in the chroot
  local user=$1; shift
  local home=/root; [ "$user" = root ] || home=/home/$user
  chroot --userspec="$user:$user" "$ROOTFS" env -i HOME="$home" USER="$user" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb "${HOST_ENV[@]}" \
    bash -c "cd $home && $*"
}
size() { du -sxh "$@" 2>/dev/null | awk '{printf "%s %s; ", $1, $2}'; echo; }
used() { du -sxm "$ROOTFS" | cut -f1; }
log() { echo "$*" | tee -a "$REPORT"; }
step() {  # step USER "label" COMMAND…: run, time and log it
  local user=$1 label=$2; shift 2
  local start=$SECONDS before; before=$(used)
  local rc=0
  inside "$user" "$@" > "$ROOTFS/tmp/step.log" 2>&1 || rc=$?
  log "== $label ($user): exit $rc, $((SECONDS - start)) s, disk +$(( $(used) - before )) MB"
  tail -n "${TAIL:-4}" "$ROOTFS/tmp/step.log" | sed 's/^/   | /' | tee -a "$REPORT"
  return 0
}

: > "$REPORT"
log "fresh-os-test: $SUITE ($(cat "$ROOTFS/etc/debian_version")), branch $BRANCH @ $(git -C "$REPO" rev-parse --short "$BRANCH"), $(date -u +%FT%TZ)"
log "rootfs before the README: $(used) MB"

# README, "Hai lệnh": what to install, then the commands.
step root "apt install python3 python3-venv git make (README)" \
  "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv git make | grep -E '^(Need to get|After this operation)'"
log "   python: $(inside root 'python3 --version')"
step root "git clone" "$CLONE"
step root "make site (first: creates .venv)" "cd bdhvs && make site"
log "   sizes: $(inside root 'cd bdhvs && du -sxh .venv site ~/.cache/pip 2>/dev/null | tr "\t\n" " ;"')"
step root "make site (again)" "cd bdhvs && make site"
step root "make check" "cd bdhvs && make check"

# A user without root: preview and check work; make test stops with one line.
inside root "id editor >/dev/null 2>&1 || useradd -m -s /bin/bash editor"
step editor "git clone" "$CLONE"
step editor "make site" "cd bdhvs && make site"
step editor "make check" "cd bdhvs && make check"
TAIL=2 step editor "make test (no root: must stop with one line)" "cd bdhvs && make test"

if [ "$RUN_TESTS" = --test ]; then
  TAIL=12 step root "CI=true make test" \
    "cd bdhvs && { CI=true nice -n 10 make test > /root/make-test.log 2>&1; rc=\$?; grep -E '^(Need to get|After this operation)|^•|^Thiếu|^Cài|^Chưa| (passed|failed|error)' /root/make-test.log | tail -n 12; exit \$rc; }"
  log "   sizes: $(inside root 'cd bdhvs && du -sxh .venv tools/audit/node_modules tools/cms/node_modules ~/.npm ~/.cache/pip 2>/dev/null | tr "\t\n" " ;"')"
  log "   ssh/nginx enabled at boot: $(inside root 'ls /etc/systemd/system/multi-user.target.wants/ /etc/systemd/system/sockets.target.wants/ /etc/rc2.d/ 2>/dev/null | grep -E "^(S[0-9]+)?(ssh|nginx)" | tr "\n" " "; echo .')"
  left=$(for p in /proc/[0-9]*; do [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOTFS" ] && cat "$p/comm" 2>/dev/null; done | sort -u | tr '\n' ' ' || true)
  log "   processes left in the chroot: ${left:-none}"
fi
log "rootfs after: $(used) MB"
