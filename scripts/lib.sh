# Shared steps of `npm start` and `npm test`. Each is idempotent and cheap on a second run.
set -euo pipefail

export NEXT_TELEMETRY_DISABLED=1

say() { printf '\033[1;36m▸ [%4ss] %s\033[0m\n' "$SECONDS" "$*"; }

check_node() {
  local v
  v=$(node -p 'process.versions.node')
  node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    if (maj < 20 || (maj === 20 && min < 19)) { console.error(`Lectern needs Node.js 20.19 or newer; this is ${process.versions.node}.`); process.exit(1); }'
  say "node $v"
}

# Install when package-lock.json changed since the last install (or node_modules is missing).
# `npm install` rather than `npm ci`: the registry mirror here lacks some other-platform
# optional binaries (e.g. @tailwindcss/oxide-android-arm64@4.3.5), so the lockfile cannot
# list them and `npm ci` refuses it; `npm install` follows the lockfile for everything it has.
ensure_deps() {
  local want have=""
  want=$(node -e 'const c=require("crypto"),f=require("fs");console.log(c.createHash("sha256").update(f.readFileSync("package-lock.json")).update(process.version).digest("hex"))')
  [ -f node_modules/.lectern-deps ] && have=$(cat node_modules/.lectern-deps)
  if [ "$want" != "$have" ]; then
    say "installing dependencies (better-sqlite3 compiles from source on first install, about a minute)"
    npm install --no-audit --no-fund --loglevel=error
    echo "$want" > node_modules/.lectern-deps
  else
    say "dependencies up to date"
  fi
  # The generated Prisma clients live outside node_modules; make sure they exist and match the schema.
  if [ ! -f server/generated/sqlite/client.ts ] || [ ! -f server/generated/postgres/client.ts ] \
     || [ prisma/schema.prisma -nt server/generated/sqlite/client.ts ] || [ prisma/postgres/schema.prisma -nt server/generated/postgres/client.ts ]; then
    say "generating Prisma clients"
    npm run --silent db:generate >/dev/null
  fi
}

# Rebuild only when a source file is newer than the last build.
build_if_stale() {
  if [ -f .next/BUILD_ID ] && [ -z "$(find app components lib server public proxy.ts next.config.ts package-lock.json postcss.config.mjs tsconfig.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
    say "build up to date"
  else
    say "building the studio (next build)"
    npx next build
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    say "chromium present"
    return
  fi
  say "installing Debian's chromium for the browser tests (apt-get)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
