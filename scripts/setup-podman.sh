#!/usr/bin/env bash
# setup-podman.sh — install Podman and catatonit, start Podman's Docker-compatible API service on
# /run/podman/podman.sock, and load the local test images into it (no registry is reachable).
#
# Idempotent: a warm run (service answering, images present) changes nothing and takes well under a
# second. Never fatal for CI: when Podman cannot be installed or started, it says so and exits 0,
# and the Podman tests skip with the reason (they ping the socket themselves).
#
# Knobs (env): SKIP_APT=1, PODMAN_SOCKET=/run/podman/podman.sock, PODMAN_LOG=/var/log/podman-service.log,
#              PODMAN_IMAGES="local/busybox:1 local/httpd:1 docker.io/library/redis:8.2".
set -uo pipefail

PODMAN_SOCKET=${PODMAN_SOCKET:-/run/podman/podman.sock}
PODMAN_LOG=${PODMAN_LOG:-/var/log/podman-service.log}
PODMAN_IMAGES=${PODMAN_IMAGES:-"local/busybox:1 local/httpd:1 docker.io/library/redis:8.2"}
PACKAGES=(podman catatonit)

# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
log() { printf '[setup-podman] %s\n' "$*" >&2; }
give_up() { log "Podman not available: $*; Podman tests will skip."; exit 0; }

install_packages() {
  [ "${SKIP_APT:-0}" = 1 ] && return 0
  local missing
  missing=$(missing_packages "${PACKAGES[@]}")
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || give_up "packages missing ($missing) and not root"
  log "installing $missing"
  # shellcheck disable=SC2086
  apt_install $missing || give_up "apt-get install $missing failed"
}

service_answers() {
  curl -fsS --max-time 3 --unix-socket "$PODMAN_SOCKET" http://d/_ping >/dev/null 2>&1
}

start_service() {
  service_answers && return 0
  command -v podman >/dev/null || give_up "no podman binary"
  mkdir -p "$(dirname "$PODMAN_SOCKET")"
  rm -f "$PODMAN_SOCKET"
  log "starting podman system service on $PODMAN_SOCKET"
  # setsid + nohup: the service must outlive this script and the CI step's process group.
  setsid nohup podman system service --time=0 "unix://$PODMAN_SOCKET" >>"$PODMAN_LOG" 2>&1 </dev/null &
  for _ in $(seq 1 100); do
    service_answers && return 0
    sleep 0.1
  done
  give_up "the service did not answer on $PODMAN_SOCKET within 10 s (see $PODMAN_LOG)"
}

# Podman's Docker-compatible API resolves a short name the way Docker does (local/httpd:1 is
# docker.io/local/httpd:1), while `podman load` names an image saved as local/httpd:1 or
# docker.io/library/redis:8.2 localhost/local/httpd:1 and localhost/redis:8.2: tag it as the API looks it up.
api_name() {
  case "$1" in
    */*) first=${1%%/*}
         case "$first" in *.*|*:*|localhost) echo "$1" ;; *) echo "docker.io/$1" ;; esac ;;
    *) echo "docker.io/library/$1" ;;
  esac
}

load_images() {
  command -v docker >/dev/null || { log "no docker CLI: test images not loaded into Podman"; return 0; }
  for image in $PODMAN_IMAGES; do
    wanted=$(api_name "$image")
    if podman image exists "$wanted" 2>/dev/null; then
      continue
    fi
    if ! docker image inspect "$image" >/dev/null 2>&1; then
      log "image $image is not in Docker (run scripts/container-setup.sh first); not loaded"
      continue
    fi
    log "loading $image into Podman as $wanted"
    loaded=$(docker save "$image" | podman load 2>/dev/null | sed -n 's/^Loaded image[^:]*: *//p' | head -1)
    if [ -z "$loaded" ] || ! podman tag "$loaded" "$wanted"; then
      log "could not load $image into Podman"
    fi
  done
}

install_packages
start_service
load_images
log "Podman service answers on unix://$PODMAN_SOCKET"
