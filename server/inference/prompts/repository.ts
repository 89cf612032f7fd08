import type { Tx } from "@/server/context";
import type { Prisma } from "@/server/generated/sqlite/client";

export function countVersions(tx: Tx, workspaceId: string, key: string) {
  return tx.promptVersion.count({ where: { workspaceId, key } });
}

export function latestVersion(tx: Tx, workspaceId: string, key: string) {
  return tx.promptVersion.findFirst({ where: { workspaceId, key }, orderBy: { version: "desc" } });
}

export function insertVersion(tx: Tx, data: Prisma.PromptVersionUncheckedCreateInput) {
  return tx.promptVersion.create({ data });
}

export function upsertLabel(tx: Tx, workspaceId: string, key: string, label: string, versionId: string) {
  return tx.promptLabel.upsert({
    where: { workspaceId_key_label: { workspaceId, key, label } },
    create: { workspaceId, key, label, versionId },
    update: { versionId },
  });
}

export function findLabel(tx: Tx, workspaceId: string, key: string, label: string) {
  return tx.promptLabel.findUnique({
    where: { workspaceId_key_label: { workspaceId, key, label } },
    include: { version: true },
  });
}

export function findVersion(tx: Tx, workspaceId: string, id: string) {
  return tx.promptVersion.findFirst({ where: { id, workspaceId } });
}

export function listVersions(tx: Tx, workspaceId: string) {
  return tx.promptVersion.findMany({
    where: { workspaceId },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    include: { labels: { select: { label: true } } },
  });
}
