#!/bin/sh
# Runs before `npm start` and `npm test`: installs dependencies (including the pinned Node 24
# binary, node_modules/.bin/node) when they are missing or older than package-lock.json.
set -e
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "• installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
