#!/usr/bin/env bash
# Issue 15 item 7: `npm test` on a fresh machine. The end-to-end tests drive Debian's Chromium
# (Playwright's own browser download cannot reach its host here, TOOLCHAIN.md). Present: nothing
# to do. Missing and running as root with apt-get: install it, as `.ci/run` did by hand. Otherwise:
# stop at once, before any test ran, with the exact command that installs it.
#   CHROMIUM_PATH  the browser Playwright starts (default /usr/bin/chromium; playwright.config.ts)
#   APT_GET        the package tool (default apt-get; tests point it at a stand-in)
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
apt_get=${APT_GET:-apt-get}
packages=(chromium fonts-dejavu-core)

if [[ -x $chromium ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]] && command -v "$apt_get" >/dev/null 2>&1; then
  echo "[test] Chromium is missing at ${chromium}: installing Debian's package (${packages[*]})"
  export DEBIAN_FRONTEND=noninteractive
  "$apt_get" update
  "$apt_get" install -y --no-install-recommends "${packages[@]}"
  if [[ -x $chromium ]]; then
    exit 0
  fi
  echo "[test] ${apt_get} installed ${packages[*]}, but ${chromium} is still missing." >&2
  exit 1
fi

cat >&2 <<MESSAGE
[test] The end-to-end tests drive Debian's Chromium at ${chromium}, which is not installed,
and this user cannot install it. Install it, then run the tests again:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}

MESSAGE
exit 1
