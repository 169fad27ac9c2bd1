#!/usr/bin/env bash
# Installs the open-data validators (idempotent; fast when already installed):
#   - .venv/ from requirements.txt: frictionless 5.21.0 (Table Schema, for the MedNum CSV) and
#     jsonschema 4.26.0 (JSON Schema, for data.inclusion), with the format checkers for URIs.
# Usage: tests/opendata/setup.sh   (from anywhere; needs python3 >= 3.11)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
PYTHON="${PYTHON:-python3}"

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "opendata setup: python >= 3.11 required (found $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
stamp="$(hash_of requirements.txt; "$PYTHON" --version 2>&1)"
if [ -x .venv/bin/python ] && [ -f .venv/.galaxie-stamp ] && [ "$(cat .venv/.galaxie-stamp)" = "$stamp" ]; then
  echo "opendata setup: .venv up to date"
else
  echo "opendata setup: creating .venv and installing requirements.txt"
  rm -rf .venv
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$stamp" > .venv/.galaxie-stamp
fi

# Smoke check: the validators import, and the MedNum reference example is valid.
.venv/bin/python validate.py \
  --mednum ../fixtures/reference/mednum-lieux-mediation-numerique.exemple-valide.csv >/dev/null
echo "opendata setup: ok"
