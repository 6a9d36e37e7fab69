#!/usr/bin/env bash
# `npm test` on a fresh machine. The end-to-end tests drive Debian's Chromium
# (Playwright's own browser download cannot reach its host here, TOOLCHAIN.md) and put nginx in
# front of two app instances. Present: nothing to do. Missing and running as root with apt-get:
# install the Debian packages, as `.ci/run` did by hand. Otherwise: stop at once, before any test
# ran, with the exact command that installs them.
#   CHROMIUM_PATH  the browser Playwright starts (default /usr/bin/chromium; playwright.config.ts)
#   NGINX_PATH     the reverse proxy the two-instance spec starts (default /usr/sbin/nginx)
#   APT_GET        the package tool (default apt-get; tests point it at a stand-in)
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
nginx=${NGINX_PATH:-/usr/sbin/nginx}
apt_get=${APT_GET:-apt-get}

packages=()
[[ -x $chromium ]] || packages+=(chromium fonts-dejavu-core)
[[ -x $nginx ]] || packages+=(nginx-light)
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]] && command -v "$apt_get" >/dev/null 2>&1; then
  echo "[test] missing: installing Debian's ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "$apt_get" update
  "$apt_get" install -y --no-install-recommends "${packages[@]}"
  missing=()
  [[ -x $chromium ]] || missing+=("$chromium")
  [[ -x $nginx ]] || missing+=("$nginx")
  if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
  fi
  echo "[test] ${apt_get} installed ${packages[*]}, but ${missing[*]} is still missing." >&2
  exit 1
fi

cat >&2 <<MESSAGE
[test] The end-to-end tests need ${packages[*]} from Debian (Chromium at ${chromium}, nginx at
${nginx}), and this user cannot install them. Install them, then run the tests again:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}

MESSAGE
exit 1
