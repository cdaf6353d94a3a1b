#!/usr/bin/env bash
# setup-browser.sh — install Debian's chromium and chromium-driver for the dashboard's browser tests.
#
# Idempotent: when /usr/bin/chromium and /usr/bin/chromedriver exist it does nothing. Needs root for
# apt. The tests drive the system driver through Selenium; nothing is downloaded at test time.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
apt_install --no-install-recommends chromium chromium-driver || { echo "[setup-browser] ERROR: apt-get install chromium chromium-driver failed (needs root)" >&2; exit 1; }
echo "[setup-browser] installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)" >&2
