import type { Db } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import { findUserByEmail, touchLastLogin } from "./repository";

/**
 * Checks an email and password. Returns the user or null, never which of the
 * two was wrong: the caller shows one generic message.
 */
export async function authenticateWithPassword(db: Db, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !user.passwordHash || !ok) return null;
  await touchLastLogin(db, user.id);
  return { id: user.id, email: user.email, name: user.name };
}
