#!/usr/bin/env bash
# Installs the Debian packages the test suites need. Idempotent: checks each package with
# dpkg -s and only runs apt-get (update + install) when something is missing.
#   chromium        browser tests (tests/Browser.Tests) drive /usr/bin/chromium through Playwright
#   fonts-noto-cjk  so pages with Chinese text render CJK glyphs in screenshots
set -euo pipefail

packages=(
  chromium
  fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-test-deps: all present (${packages[*]})"
  exit 0
fi

echo "install-test-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
