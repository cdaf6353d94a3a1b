#!/usr/bin/env bash
# container-setup.sh — install and start a Docker engine and build the local test images.
#
# Idempotent: a warm run (engine up, images at the current recipe) changes nothing and takes well
# under a second. Usable by developers and by CI (.ci/run calls it). Needs root for apt and dockerd.
#
# No container registry is reachable here, so every image is built from Debian binaries with
# `docker import` (no builder, no base image, no pull). Images:
#   local/busybox:1                 busybox-static with all applets in /bin
#   local/httpd:1                   busybox httpd serving /www in the foreground, PORT env (default 80)
#   local/redis:<debian version>    Debian's redis-server with /bin/sh, tagged docker.io/library/redis:<REDIS_TAGS>
# Each image carries the label dev.apphost.container-setup.recipe=<RECIPE>; a bump rebuilds it.
#
# Knobs (env): SKIP_APT=1, FORCE_REBUILD=1, DOCKERD_WAIT=60 (s), DOCKERD_LOG=/var/log/dockerd.log,
#              DOCKERD=/usr/sbin/dockerd, DOCKERD_ARGS, REDIS_TAGS="8.2 7.4", DOCKER_HOST.
set -euo pipefail

RECIPE=3
LABEL_KEY=dev.apphost.container-setup.recipe
REDIS_TAGS=${REDIS_TAGS:-"8.2 7.4"}
DOCKERD=${DOCKERD:-/usr/sbin/dockerd}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKERD_WAIT=${DOCKERD_WAIT:-60}
DOCKERD_ARGS=${DOCKERD_ARGS:-}
PACKAGES=(docker.io busybox-static redis-server redis-tools)

# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
log() { printf '[container-setup] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
changed=0

# The 28.x CLI in /usr/local/bin shadows Debian's 20.10 one; both work (the 28 client negotiates down).
DOCKER=$(command -v docker || true)

# ---------------------------------------------------------------- packages
install_packages() {
  [ "${SKIP_APT:-0}" = 1 ] && return 0
  local missing
  missing=$(missing_packages "${PACKAGES[@]}")
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || die "packages missing ($missing) and not root: run as root or install them"
  log "installing $missing"
  # Debian's postinst would start redis-server (and docker) as services; we only want the binaries
  # and start dockerd ourselves. policy-rc.d exit 101 = "do not start services", removed afterwards.
  local policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; policy_added=1
  fi
  # shellcheck disable=SC2086
  apt_install --no-install-recommends $missing || { [ $policy_added = 1 ] && rm -f /usr/sbin/policy-rc.d; die "apt-get install failed"; }
  [ $policy_added = 1 ] && rm -f /usr/sbin/policy-rc.d
  changed=1
  DOCKER=$(command -v docker || true)
}

# ---------------------------------------------------------------- daemon
daemon_answers() { timeout 5 "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_daemon() {
  [ -n "$DOCKER" ] || die "no docker CLI on PATH"
  daemon_answers && return 0
  [ -x "$DOCKERD" ] || die "$DOCKERD not found (install docker.io)"
  if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST}" != unix:///var/run/docker.sock ]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local dockerd for a remote host"
  fi
  # A stale pid file from a killed daemon makes dockerd refuse to start.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  local offset=0
  [ -f "$DOCKERD_LOG" ] && offset=$(stat -c %s "$DOCKERD_LOG")
  log "starting dockerd (log: $DOCKERD_LOG)"
  # setsid: its own session, so a Ctrl-C of the caller or CI's process-group kill leaves it alone.
  # shellcheck disable=SC2086
  setsid "$DOCKERD" --host unix:///var/run/docker.sock $DOCKERD_ARGS >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local pid=$! deadline=$((SECONDS + DOCKERD_WAIT))
  until daemon_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "dockerd exited during startup; last lines of its log:"
      tail -c +"$((offset + 1))" "$DOCKERD_LOG" | tail -n 20 >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "dockerd (pid $pid) did not answer within ${DOCKERD_WAIT}s; last lines of its log:"
      tail -c +"$((offset + 1))" "$DOCKERD_LOG" | tail -n 20 >&2
      exit 1
    fi
    sleep 0.2
  done
  changed=1
  log "dockerd $("$DOCKER" version --format '{{.Server.Version}}') answering (pid $pid)"
}

# ---------------------------------------------------------------- images
image_recipe() { "$DOCKER" image inspect --format "{{ index .Config.Labels \"$LABEL_KEY\" }}" "$1" 2>/dev/null || true; }

needs_build() { # $1 image: true when absent or built by another recipe (or FORCE_REBUILD)
  [ "${FORCE_REBUILD:-0}" = 1 ] && return 0
  [ "$(image_recipe "$1")" != "$RECIPE" ]
}

busybox_rootfs() { # $1 dir: busybox-static with an applet symlink each, minimal /etc
  local root=$1
  mkdir -p "$root"/{bin,etc,tmp,root,www,data,usr/local/bin,var/run}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\nredis:x:999:999:redis:/data:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\nredis:x:999:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
}

import_rootfs() { # $1 dir, $2 image ref, rest: --change arguments
  local root=$1 ref=$2; shift 2
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . \
    | "$DOCKER" import "$@" --change "LABEL $LABEL_KEY=$RECIPE" - "$ref" >/dev/null
  changed=1
  log "built $ref"
}

build_busybox() {
  needs_build local/busybox:1 || return 0
  local root; root=$(mktemp -d); busybox_rootfs "$root"
  import_rootfs "$root" local/busybox:1 --change 'ENV PATH=/usr/local/bin:/bin' --change 'CMD ["sh"]'
  rm -rf "$root"
}

build_httpd() {
  needs_build local/httpd:1 || return 0
  local root; root=$(mktemp -d); busybox_rootfs "$root"
  echo '<h1>local/httpd:1</h1>' >"$root/www/index.html"
  # busybox httpd as PID 1 ignores TERM; run it in the foreground under a shell that forwards
  # TERM/INT so `docker stop` takes ~0.2 s instead of the whole timeout (also with init=false).
  cat >"$root/usr/local/bin/httpd-foreground" <<'EOF'
#!/bin/sh
# httpd-foreground [extra busybox httpd args]: serve /www on $PORT (default 80) until TERM/INT.
port=${PORT:-80}
httpd -f -vv -p "$port" -h /www "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
wait "$child"
EOF
  chmod 755 "$root/usr/local/bin/httpd-foreground"
  import_rootfs "$root" local/httpd:1 --change 'ENV PATH=/usr/local/bin:/bin' --change 'ENV PORT=80' \
    --change 'EXPOSE 80' --change 'WORKDIR /www' --change 'CMD ["httpd-foreground"]'
  rm -rf "$root"
}

redis_version() { /usr/bin/redis-server --version | sed -n 's/.* v=\([0-9.]*\).*/\1/p'; }

build_redis() {
  local version; version=$(redis_version)
  [ -n "$version" ] || die "cannot read redis-server version"
  local ref=local/redis:$version
  if needs_build "$ref"; then
    local root; root=$(mktemp -d); busybox_rootfs "$root"
    mkdir -p "$root/usr/bin"
    local bin lib
    for bin in redis-server redis-cli redis-benchmark; do cp -L "/usr/bin/$bin" "$root/usr/bin/$bin"; done
    # Every shared library at its own path, plus the loader, so the Debian binaries run as is.
    for lib in $(ldd /usr/bin/redis-server /usr/bin/redis-cli | awk '/=>/ {print $3} /^\s*\/lib/ {print $1}' | sort -u); do
      mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
    done
    mkdir -p "$root/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
    # Like the official image's entrypoint: flags or a .conf file become redis-server arguments.
    cat >"$root/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
case "$1" in -*|*.conf) set -- redis-server "$@" ;; esac
exec "$@"
EOF
    # Debian's build defaults to protected mode: clients arriving through docker-proxy come from the
    # bridge gateway (not loopback) and get DENIED. The official image compiles it off; do the same
    # here unless the caller chose. First on PATH, so Aspire's `sh -c "redis-server ..."` gets it.
    cat >"$root/usr/local/bin/redis-server" <<'EOF'
#!/bin/sh
case " $* " in *" --protected-mode "*) exec /usr/bin/redis-server "$@" ;; esac
exec /usr/bin/redis-server "$@" --protected-mode no
EOF
    chmod 755 "$root/usr/local/bin/docker-entrypoint.sh" "$root/usr/local/bin/redis-server"
    import_rootfs "$root" "$ref" --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
      --change "ENV REDIS_VERSION=$version" --change 'EXPOSE 6379' --change 'WORKDIR /data' \
      --change 'VOLUME /data' --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["redis-server"]' \
      --change "LABEL org.opencontainers.image.version=$version"
    rm -rf "$root"
  fi
  local id tag; id=$("$DOCKER" image inspect --format '{{.Id}}' "$ref")
  for tag in $REDIS_TAGS; do
    local alias=docker.io/library/redis:$tag current
    current=$("$DOCKER" image inspect --format '{{.Id}}' "$alias" 2>/dev/null || true)
    [ "$current" = "$id" ] && continue
    # A real (pulled) image under that tag has no recipe label: leave it alone.
    if [ -n "$current" ] && [ -z "$(image_recipe "$alias")" ]; then
      log "keeping foreign $alias"; continue
    fi
    "$DOCKER" tag "$ref" "$alias"; changed=1; log "tagged $alias -> $ref"
  done
}

main() {
  local start=$SECONDS
  install_packages
  start_daemon
  build_busybox
  build_httpd
  build_redis
  if [ $changed = 0 ]; then log "nothing changed ($((SECONDS - start))s)"; else log "ready ($((SECONDS - start))s)"; fi
}

main "$@"
