import { z } from "zod";

export const Email = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((s) => s.toLowerCase());

export const Password = z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters.");

/** Sign-in form and credentials provider. The password is not length-checked here: a wrong password is just wrong. */
export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password.").max(256, "Email or password is incorrect."),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const AcceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  password: Password,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
