#!/usr/bin/env bash
# Installs the browser-test tools (idempotent; fast when already installed):
#   - node_modules/ from package-lock.json (npm ci): playwright-core and axe-core.
# No browser is downloaded: the tests drive Debian's Chromium (/usr/bin/chromium, installed by
# .ci/run with apt-get, or by hand: apt-get install -y chromium).
# Usage: tests/browser/setup.sh   (from anywhere; needs node >= 20 and npm)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "browser setup: node >= 20 required (found $(node --version))" >&2
  exit 1
fi
chromium="${GALAXIE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "browser setup: $chromium is missing; install Debian's Chromium: apt-get install -y chromium" >&2
  exit 1
fi
stamp="$(hash_of package.json package-lock.json; node --version)"
if [ -f node_modules/.galaxie-stamp ] && [ "$(cat node_modules/.galaxie-stamp)" = "$stamp" ] \
   && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/axe-core/axe.min.js ]; then
  echo "browser setup: node_modules up to date"
else
  echo "browser setup: npm ci"
  # playwright-core never downloads a browser (only the `playwright` package does).
  npm ci --no-audit --no-fund --loglevel=error
  echo "$stamp" > node_modules/.galaxie-stamp
fi

# Smoke check: the driver loads and Debian's Chromium answers.
node --input-type=module -e 'await import("playwright-core"); await import("axe-core");'
"$chromium" --version
echo "browser setup: ok"
