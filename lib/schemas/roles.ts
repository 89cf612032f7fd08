import { z } from "zod";

/** Workspace roles, least to most privileged. Each role can do what the ones before it can. */
export const ROLES = ["marketer", "editor", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { marketer: 0, editor: 1, admin: 2 };

/** True when `role` grants at least what `required` grants. */
export function hasRole(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}

export const ROLE_LABELS: Record<Role, string> = {
  marketer: "Marketer",
  editor: "Editor",
  admin: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  marketer: "Creates and edits drafts.",
  editor: "Also reviews, approves and rejects drafts.",
  admin: "Also configures brand, providers, webhooks, members and API keys.",
};
