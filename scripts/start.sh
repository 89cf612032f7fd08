#!/usr/bin/env bash
# `npm start`: install, migrate, seed the demo workspace, build, serve on :3000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

check_node
ensure_deps
say "migrating the database"
node bin/lectern.mjs db migrate
node bin/lectern.mjs db seed
build_if_stale
say "Lectern is starting on http://localhost:${PORT:-3000}"
exec npx next start -p "${PORT:-3000}"
