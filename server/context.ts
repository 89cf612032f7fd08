import type { Role } from "@/lib/schemas/roles";
import type { Db } from "./db/client";

/** Who is acting. Recorded on every audit event. */
export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "api_key"; id: string; label: string }
  | { type: "system"; id?: undefined; label: string };

/** Everything a use case needs to act on behalf of someone in a workspace. */
export type WorkspaceCtx = {
  db: Db;
  actor: Actor;
  workspaceId: string;
  role: Role;
  requestId: string;
};

/** A Prisma client or an interactive transaction: repositories accept both. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
