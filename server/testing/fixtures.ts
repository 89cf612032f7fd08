import { afterAll, beforeAll, type TestContext } from "vitest";
import { createTestDb, type PROVIDERS, type TestDb } from "./databases";

/** A migrated database for the enclosing describe block; tests skip when it is unavailable (PostgreSQL off outside CI). */
export function useTestDb(provider: (typeof PROVIDERS)[number]) {
  let t: TestDb | null = null;
  beforeAll(async () => {
    t = await createTestDb(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });
  return (ctx: TestContext): TestDb => {
    if (!t) ctx.skip("PostgreSQL is not available on this machine");
    return t!;
  };
}

export { makeWorkspace, uid } from "./workspaces";
