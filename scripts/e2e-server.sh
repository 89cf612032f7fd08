#!/usr/bin/env bash
# The server the browser tests drive: production build, fresh seeded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export DATA_DIR=data/e2e LECTERN_DEMO=true LOG_LEVEL=warn
rm -rf data/e2e
node bin/lectern.mjs db migrate
node bin/lectern.mjs db seed
build_if_stale
exec npx next start -p "${1:-3100}" -H 127.0.0.1
