#!/usr/bin/env node
// Entry for `npx lectern` / `npm exec --prefix <project> -- lectern`: runs the
// TypeScript CLI through tsx, with "server-only" (imported by server modules)
// mapped to its empty module by server-only-shim.cjs. LECTERN_ROOT anchors data and migrations to the
// project folder, so the command works from any directory.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Same files Next.js reads, so the CLI and the server see one configuration.
// Variables already set in the environment win.
for (const f of [".env.local", ".env"]) {
  const file = path.join(root, f);
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
const r = spawnSync(
  process.execPath,
  [
    "--require",
    fileURLToPath(new URL("./server-only-shim.cjs", import.meta.url)),
    "--import",
    // Resolved from this file, not from the caller's directory.
    import.meta.resolve("tsx"),
    path.join(root, "server", "cli", "main.ts"),
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      LECTERN_ROOT: process.env.LECTERN_ROOT ?? root,
      TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
    },
  },
);
process.exit(r.status ?? 1);
