#!/usr/bin/env bash
# Makes Debian's redis-server available for the shared-token tests and the multi-instance drill
# (they start their own on a free loopback port unless FEISHUGEN_REDIS names one). Runs before
# `dotnet test` and in .ci/run, so a fresh machine needs no manual step.
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing redis-server (Debian) for the shared-token tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
else
  echo "warning: redis-server is missing: apt-get install redis-server, or set FEISHUGEN_REDIS=127.0.0.1:PORT" >&2
fi
exit 0
