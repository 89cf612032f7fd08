import type { Db } from "@/server/db/client";
import type { WorkspaceCtx } from "@/server/context";
import { AppError } from "@/lib/errors";
import { ApiKeyScope, CreateApiKeyBody, type ApiKeySummary, type CreatedApiKey } from "@/lib/schemas/api-keys";
import { requireRole } from "@/server/auth/authorize";
import { randomToken, safeEqual, sha256 } from "@/server/crypto";
import { audit } from "@/server/features/audit/service";
import * as repo from "./repository";

/**
 * Key format: `lk_<prefix>_<secret>`. The prefix (public, unique) finds the
 * row; the sha256 of the whole key is compared in constant time. Keys carry
 * 256 bits of entropy, so a fast hash is the right tool (no argon2 per request).
 */
const KEY_RE = /^lk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

function parseScopes(s: string) {
  return s
    .split(",")
    .filter(Boolean)
    .map((x) => ApiKeyScope.parse(x));
}

function out(k: {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeySummary {
  return {
    id: k.id,
    name: k.name,
    prefix: `lk_${k.prefix}`,
    scopes: parseScopes(k.scopes),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(ctx: WorkspaceCtx): Promise<ApiKeySummary[]> {
  requireRole(ctx, "admin", "manage API keys");
  return (await repo.listApiKeys(ctx.db, ctx.workspaceId)).map(out);
}

export async function createApiKey(ctx: WorkspaceCtx, input: CreateApiKeyBody): Promise<CreatedApiKey> {
  requireRole(ctx, "admin", "create API keys");
  const body = CreateApiKeyBody.parse(input);
  const prefix = randomToken(9)
    .replace(/[^A-Za-z0-9]/g, "")
    .padEnd(12, "0")
    .slice(0, 12);
  const key = `lk_${prefix}_${randomToken(32)}`;
  return ctx.db.$transaction(async (tx) => {
    const row = await repo.insertApiKey(tx, {
      workspaceId: ctx.workspaceId,
      name: body.name,
      prefix,
      hash: sha256(key),
      scopes: body.scopes.join(","),
      createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await audit(tx, ctx, {
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      after: { name: row.name, scopes: body.scopes },
    });
    return { ...out(row), key };
  });
}

export async function revokeApiKey(ctx: WorkspaceCtx, id: string): Promise<void> {
  requireRole(ctx, "admin", "revoke API keys");
  await ctx.db.$transaction(async (tx) => {
    const k = await repo.findApiKey(tx, ctx.workspaceId, id);
    if (!k) throw new AppError("not_found:api_key", "That API key does not exist.");
    const { count } = await repo.markRevoked(tx, id, new Date());
    if (count === 0) throw new AppError("conflict:api_key_revoked", "That API key was already revoked.");
    await audit(tx, ctx, { action: "api_key.revoked", entityType: "api_key", entityId: id, before: { name: k.name } });
  });
}

export type ApiKeyPrincipal = { keyId: string; name: string; workspaceId: string; scopes: ApiKeyScope[] };

/** Authenticates `Authorization: Bearer lk_…`. Unknown, malformed and revoked keys get the same answer. */
export async function authenticateApiKey(db: Db, presented: string): Promise<ApiKeyPrincipal> {
  const invalid = new AppError("unauthorized:api_key", "The API key is missing, malformed or revoked.", {
    headers: { "www-authenticate": 'Bearer realm="lectern"' },
  });
  const m = KEY_RE.exec(presented);
  if (!m) throw invalid;
  const row = await repo.findApiKeyForAuth(db, m[1]!);
  if (!row || row.revokedAt || !safeEqual(row.hash, sha256(presented))) throw invalid;
  const now = new Date();
  // Coarse last-used time: one write per key per minute, not one per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
    await repo.touchLastUsed(db, row.id, now);
  return { keyId: row.id, name: row.name, workspaceId: row.workspaceId, scopes: parseScopes(row.scopes) };
}
