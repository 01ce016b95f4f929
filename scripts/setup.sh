#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh Debian machine:
# Chromium for the end-to-end tests (from apt, only if missing) and the npm packages.
# The Electron binary is not downloaded here; `npm start` fetches it when you run the app.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Chromium for the end-to-end tests"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "setup: installing npm packages"
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
echo "setup: done"
