#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, on a fresh Debian machine.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v rapper >/dev/null 2>&1 || packages+=(raptor2-utils)
# networkx reads the network exports back (NetworkExportTest); PyPI is out of reach, Debian has it.
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || packages+=(python3-networkx)
# A real Virtuoso 7 for the store contract (VirtuosoContractTest starts virtuoso-t itself).
command -v virtuoso-t >/dev/null 2>&1 || packages+=(virtuoso-opensource-7-bin)
# WarcIngestTest writes its WARC files with Debian's wget (--warc-file), an independent writer.
command -v wget >/dev/null 2>&1 || packages+=(wget)
if [ ${#packages[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# The query page's browser test needs Debian's chromium and playwright-core.
if [ -x .ci/install-browser-test-deps.sh ]; then
  .ci/install-browser-test-deps.sh
fi
