import { env, EnvError } from "./env";
import { describeConnectionError, loadMigrations, MigrationError, pendingMigrations } from "./db/migrator";
import { log } from "./log";

/**
 * Start-up checks with one readable line each and exit code 1, instead of a
 * stack trace on the first request: bad configuration, a database that cannot
 * be reached, or pending migrations.
 */
export async function checkStartup(): Promise<void> {
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(e.databaseUrl, loadMigrations(e.root, e.databaseProvider));
  } catch (err) {
    fail(err instanceof MigrationError ? err.message : describeConnectionError(e.databaseUrl, err));
  }
  if (pending.length)
    fail(
      `The database needs migrations (${pending.join(", ")}). Run: npx lectern db migrate (npm start does it for you).`,
    );
  log().info({ provider: e.databaseProvider, demoMode: e.demoMode }, "lectern ready");
}

function fail(message: string): never {
  console.error(`\nLectern cannot start: ${message}\n`);
  process.exit(1);
}
