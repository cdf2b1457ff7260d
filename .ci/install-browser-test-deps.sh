#!/bin/sh
# Installs what the browser test (QueryPageBrowserTest, tag "browser") needs: Debian's chromium and
# node/npm from apt, and playwright-core from npm into src/test/browser/node_modules, pinned by the
# committed package-lock.json. Idempotent and quiet: does nothing when all is present.
# (Playwright's own browser download is not used: the test drives /usr/bin/chromium.)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  echo "install-browser-test-deps: apt-get install$missing" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  # shellcheck disable=SC2086 # the list is meant to split into words
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -f "$root/src/test/browser/node_modules/playwright-core/package.json" ]; then
  echo "install-browser-test-deps: npm ci in src/test/browser" >&2
  (cd "$root/src/test/browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
