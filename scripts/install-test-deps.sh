#!/usr/bin/env bash
# Installs the Debian packages the tests use. Idempotent: apt runs only when something is missing.
set -euo pipefail

packages=(
  python3-aiosmtpd   # the real SMTP server the notification tests send to
  chromium           # browser tests (Playwright drives Debian's Chromium)
  fonts-noto-cjk     # Chinese text in screenshots
  postgresql         # cluster-mode tests start a throwaway PostgreSQL server (initdb + pg_ctl) on loopback
)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
