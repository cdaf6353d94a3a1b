# scripts/lib/apt.sh — sourced by the setup scripts: install only the Debian packages that are missing.
#
#   source "$(dirname "$0")/lib/apt.sh"
#   missing=$(missing_packages podman catatonit)      # names not installed, space-separated
#   apt_install --no-install-recommends $missing       # install them (options pass through); 1 when apt cannot
#
# apt_install tries the package lists already on the machine first and runs `apt-get update` only when
# that fails, so the setup scripts of one CI run do not each refresh the lists.

missing_packages() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[*]}"
}

apt_install() {
  [ $# -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || return 1
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}
