#!/usr/bin/env bash
# `npm run dev`: the same set-up as `npm start`, then the Next.js dev server (hot reload).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

check_node
ensure_deps
say "migrating the database"
node bin/lectern.mjs db migrate
node bin/lectern.mjs db seed
exec npx next dev -p "${PORT:-3000}"
