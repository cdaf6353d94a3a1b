#!/usr/bin/env bash
# setup-deploy.sh — what the deployment tests need: Debian's docker-compose and a local JRE base image.
#
# Idempotent: a warm run (package installed, image at the current recipe) changes nothing and takes
# well under a second. Needs the engine that scripts/container-setup.sh starts. Needs root for apt.
#
# No registry is reachable, so the JRE image is built like the other test images
# (scripts/container-setup.sh): a root file system assembled from this machine's Debian packages,
# loaded with `docker import`. Image:
#   local/jre:17   a jlink'ed Java 17 runtime of Debian's OpenJDK in /opt/java (java on PATH),
#                  its shared libraries, busybox-static (sh, wget for HTTP health checks), /etc/passwd
# The image carries the label dev.apphost.setup-deploy.recipe=<RECIPE>; a bump rebuilds it.
# Jib (apphost:deploy) reads it from the engine as docker://local/jre:17.
#
# Knobs (env): SKIP_APT=1, FORCE_REBUILD=1, JRE_IMAGE=local/jre:17, JAVA_HOME (default: the JDK of `javac`).
set -euo pipefail

RECIPE=1
LABEL_KEY=dev.apphost.setup-deploy.recipe
JRE_IMAGE=${JRE_IMAGE:-local/jre:17}
# What Java servers in the samples use: the SE platform, Unsafe (Spring, Netty), the JDK's HTTP
# server (apiservice), zip file systems (Spring Boot jars), JMX/management and DNS naming.
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.localedata

# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
log() { printf '[setup-deploy] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
changed=0

install_compose() {
  [ "${SKIP_APT:-0}" = 1 ] && return 0
  command -v docker-compose >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || die "docker-compose missing and not root: run as root or apt-get install docker-compose"
  log "installing docker-compose"
  apt_install --no-install-recommends docker-compose || die "apt-get install docker-compose failed"
  changed=1
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v jlink || command -v javac)")")"
}

build_jre() {
  if [ "${FORCE_REBUILD:-0}" != 1 ] && \
     [ "$(docker image inspect --format "{{ index .Config.Labels \"$LABEL_KEY\" }}" "$JRE_IMAGE" 2>/dev/null || true)" = "$RECIPE" ]; then
    return 0
  fi
  local jdk; jdk=$(java_home)
  [ -x "$jdk/bin/jlink" ] || die "no jlink under $jdk (install openjdk-17-jdk-headless)"
  [ -d "$jdk/jmods" ] || die "no jmods under $jdk (install openjdk-17-jdk-headless)"
  local root; root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,tmp,root,app,opt,usr/bin}
  chmod 1777 "$root/tmp"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$MODULES" --strip-debug --no-header-files \
    --no-man-pages --compress=2 --output "$root/opt/java"
  # Debian's JDK links its security files to /etc; jlink copies the links, so put the files in.
  local f
  for f in "$root"/opt/java/lib/security/* "$root"/opt/java/conf/security/*; do
    [ -L "$f" ] && cp --remove-destination -L "$(readlink -f "$f" 2>/dev/null || true)" "$f" 2>/dev/null || true
  done
  [ -f "$root/opt/java/lib/security/cacerts" ] || cp -L /etc/ssl/certs/java/cacerts "$root/opt/java/lib/security/cacerts" 2>/dev/null || true
  # Every shared library the runtime loads, at its own path, plus the loader.
  local lib
  for lib in $(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
               | awk '/=>/ && $3 ~ /^\// {print $3} /^\s*\/lib/ {print $1}' | sort -u); do
    mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
  done
  mkdir -p "$root/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  "$root/opt/java/bin/java" -version >/dev/null 2>&1 || log "warning: the jlink'ed java does not run on the host"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . \
    | docker import --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' --change 'ENV JAVA_HOME=/opt/java' \
        --change 'WORKDIR /app' --change "LABEL $LABEL_KEY=$RECIPE" - "$JRE_IMAGE" >/dev/null
  rm -rf "$root"
  docker run --rm "$JRE_IMAGE" java -version >/dev/null 2>&1 || die "$JRE_IMAGE built, but java does not start in it"
  changed=1
  log "built $JRE_IMAGE ($(docker image inspect --format '{{.Size}}' "$JRE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
}

main() {
  local start=$SECONDS
  install_compose
  command -v docker >/dev/null 2>&1 || die "no docker CLI: run scripts/container-setup.sh first"
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1 || die "the Docker engine does not answer: run scripts/container-setup.sh first"
  build_jre
  if [ $changed = 0 ]; then log "nothing changed ($((SECONDS - start))s)"; else log "ready ($((SECONDS - start))s)"; fi
}

main "$@"
