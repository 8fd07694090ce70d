#!/usr/bin/env bash
# Makes Debian's chromium available for the browser sign-in test (driven over its DevTools
# protocol by PuppeteerSharp at /usr/bin/chromium; nothing is downloaded at run time). Runs in
# .ci/run before the tests, like ensure-redis.sh does for redis-server.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium (Debian) for the browser sign-in test"
  install_chromium() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
  # The package lists are refreshed only when they do not know chromium or point at a stale version.
  { apt-cache show chromium >/dev/null 2>&1 && install_chromium; } || { apt-get update -qq && install_chromium; }
else
  echo "warning: chromium is missing: apt-get install chromium (the browser sign-in test needs it)" >&2
fi
exit 0
