#!/usr/bin/env bash
# `npm test`: installs what the tests need (npm packages, Debian's chromium) and runs
# typecheck, lint + format check, schema drift check, unit and integration tests
# (SQLite and PostgreSQL), and the Playwright browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

started=$(date +%s)
check_node
ensure_deps
ensure_chromium
rm -rf test-results
mkdir -p test-results

# In CI a missing PostgreSQL is a failure, not a skip.
[ "${CI:-}" = "true" ] && export REQUIRE_POSTGRES=1 REQUIRE_REDIS=1

say "typecheck"
npm run --silent typecheck
say "lint + format"
npm run --silent lint
npx prettier --check . --log-level warn
say "schema drift (SQLite source vs derived PostgreSQL schema and migrations)"
npx tsx scripts/db-schema.ts --check

status=0
say "unit + integration tests (vitest)"
npx vitest run || status=1
say "browser tests (playwright, chromium)"
npx playwright test || status=1

node scripts/test-summary.mjs "$started" || status=1
exit $status
