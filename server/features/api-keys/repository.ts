import type { Tx } from "@/server/context";

const summary = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export function listApiKeys(tx: Tx, workspaceId: string) {
  return tx.apiKey.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, select: summary });
}

export function insertApiKey(
  tx: Tx,
  data: { workspaceId: string; name: string; prefix: string; hash: string; scopes: string; createdById: string | null },
) {
  return tx.apiKey.create({ data, select: summary });
}

/** The only read that returns the hash: used to authenticate a request. */
export function findApiKeyForAuth(tx: Tx, prefix: string) {
  return tx.apiKey.findUnique({
    where: { prefix },
    select: { id: true, name: true, workspaceId: true, hash: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
}

export function findApiKey(tx: Tx, workspaceId: string, id: string) {
  return tx.apiKey.findFirst({ where: { id, workspaceId }, select: summary });
}

export function markRevoked(tx: Tx, id: string, now: Date) {
  return tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export function touchLastUsed(tx: Tx, id: string, now: Date) {
  return tx.apiKey.update({ where: { id }, data: { lastUsedAt: now }, select: { id: true } });
}
