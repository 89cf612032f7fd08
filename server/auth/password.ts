import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's baseline).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the email is unknown, so that case costs as much time as a wrong password.
let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hash("lectern-timing-equaliser");
  try {
    return await verify(passwordHash ?? (await dummy), password);
  } catch {
    return false;
  }
}
