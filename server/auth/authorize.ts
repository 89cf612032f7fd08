import { AppError } from "@/lib/errors";
import { hasRole, ROLE_LABELS, type Role } from "@/lib/schemas/roles";

/** Services check roles themselves too, so the CLI and every entry point get the same rule. */
export function requireRole(ctx: { role: Role }, required: Role, what: string): void {
  if (!hasRole(ctx.role, required)) {
    throw new AppError(
      `forbidden:${required}`,
      `Only ${ROLE_LABELS[required].toLowerCase()}s can ${what}. Your role in this workspace is ${ROLE_LABELS[ctx.role].toLowerCase()}.`,
    );
  }
}
