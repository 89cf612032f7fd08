/** Use cases of the guardrails that work on a workspace: the policy's test box and the scan API. */
import { GuardScanBody, type GuardScanResult } from "@/lib/schemas/guardrails";
import type { WorkspaceCtx } from "@/server/context";
import { env } from "@/server/env";
import { activePolicy } from "./policy";
import { scanText } from "./scan";

/** The key hashes are made with: the instance secret and the workspace, so equal values hash alike only within one workspace. */
export function hashKeyFor(workspaceId: string): string {
  return `${env().secretKey.toString("base64")}:${workspaceId}`;
}

export async function scanForWorkspace(ctx: WorkspaceCtx, raw: unknown): Promise<GuardScanResult> {
  const body = GuardScanBody.parse(raw);
  const { version, policy } = await activePolicy(ctx.db, ctx.workspaceId);
  return {
    ...scanText(policy, body.text, { kind: body.kind, hashKey: hashKeyFor(ctx.workspaceId) }),
    policyVersion: version,
  };
}
