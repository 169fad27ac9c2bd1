#!/usr/bin/env bash
# Installs the interop-check tools (idempotent; fast when already installed):
#   - node_modules/ from package-lock.json (npm ci): @fedify/fedify 2.3.6
#   - .venv/ from requirements.txt: fediverse-pasture 0.2.25
# Usage: tests/interop/setup.sh   (from anywhere; needs node >= 20, npm, python3 >= 3.11)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
PYTHON="${PYTHON:-python3}"

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# --- Node / Fedify ---------------------------------------------------------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "interop setup: node >= 20 required (found $(node --version))" >&2
  exit 1
fi
npm_stamp="$(hash_of package.json package-lock.json; node --version)"
if [ -f node_modules/.galaxie-stamp ] && [ "$(cat node_modules/.galaxie-stamp)" = "$npm_stamp" ] \
   && [ -f node_modules/@fedify/fedify/package.json ]; then
  echo "interop setup: node_modules up to date"
else
  echo "interop setup: npm ci"
  # @fedify/* 2.3.6 declare engines node >= 22 but run on node 20 (tested);
  # the engine check only warns unless engine-strict is set, so unset it here.
  npm ci --no-audit --no-fund --engine-strict=false --loglevel=error
  echo "$npm_stamp" > node_modules/.galaxie-stamp
fi

# --- Python / fediverse-pasture --------------------------------------------
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "interop setup: python >= 3.11 required (found $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
py_stamp="$(hash_of requirements.txt; "$PYTHON" --version 2>&1)"
if [ -x .venv/bin/python ] && [ -f .venv/.galaxie-stamp ] && [ "$(cat .venv/.galaxie-stamp)" = "$py_stamp" ]; then
  echo "interop setup: .venv up to date"
else
  echo "interop setup: creating .venv and installing requirements.txt"
  rm -rf .venv
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$py_stamp" > .venv/.galaxie-stamp
fi

# Smoke check that both tools import.
node --input-type=module -e 'await import("@fedify/fedify"); await import("@fedify/vocab");'
# (bovine creates ./bovine_jsonld_cache.sqlite on import: run it elsewhere.)
smoke_dir="$(mktemp -d)"
(cd "$smoke_dir" && "$OLDPWD/.venv/bin/python" -c 'import fediverse_pasture.server.verify_actor, uvicorn')
rm -rf "$smoke_dir"
echo "interop setup: ok"
