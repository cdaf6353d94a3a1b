#!/usr/bin/env bash
# setup-browser.sh — install Debian's chromium and chromium-driver for the dashboard's browser tests.
#
# Idempotent: when /usr/bin/chromium and /usr/bin/chromedriver exist it does nothing. Needs root for
# apt. The tests drive the system driver through Selenium; nothing is downloaded at test time.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "[setup-browser] installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)" >&2
