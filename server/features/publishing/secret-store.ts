/**
 * Webhook signing secrets at rest: AES-256-GCM with the instance key (server/secrets.ts), bound
 * to the workspace so a sealed secret copied to another workspace does not open.
 */
import { decryptSecret, encryptSecret } from "@/server/secrets";

function context(workspaceId: string): string {
  return `webhook:${workspaceId}`;
}

export function sealWebhookSecret(key: Buffer, workspaceId: string, secret: string): string {
  return encryptSecret(key, secret, context(workspaceId));
}

export function openWebhookSecret(key: Buffer, workspaceId: string, sealed: string): string {
  return decryptSecret(key, sealed, context(workspaceId));
}
