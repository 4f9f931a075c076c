#!/usr/bin/env bash
# Installs everything and starts City Hall Year: frontend on http://localhost:3000,
# backend on http://localhost:7007, data in .data/sqlite (kept across restarts).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> Installing dependencies"
yarn install --immutable
mkdir -p "$ROOT/.data/sqlite"

echo "==> Starting the app: http://localhost:3000 (sign in as an example user)"
exec yarn start
