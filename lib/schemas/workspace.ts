import { z } from "zod";
import { Email } from "./auth";
import { Role } from "./roles";

export const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

export const SwitchWorkspaceBody = z.object({ workspaceId: Id });
export type SwitchWorkspaceBody = z.infer<typeof SwitchWorkspaceBody>;

export const InviteBody = z.object({ email: Email, role: Role });
export type InviteBody = z.infer<typeof InviteBody>;

export const ChangeRoleBody = z.object({ role: Role });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;

export const Member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

/** Returned once, when the invitation is created: the link is never stored in clear. */
export const CreatedInvitation = Invitation.extend({ acceptUrl: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const MembersResponse = z.object({ members: z.array(Member), invitations: z.array(Invitation) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const WorkspaceInfo = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
