"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { LoginBody } from "@/lib/schemas/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { oauthProviders, signIn } from "@/server/auth/config";

export type LoginState = {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
};

export async function signInWithPassword(_prev: LoginState, form: FormData): Promise<LoginState> {
  const raw = { email: form.get("email"), password: form.get("password") };
  const parsed = LoginBody.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) {
    const fieldErrors: LoginState["fieldErrors"] = {};
    for (const i of parsed.error.issues) {
      const k = i.path[0];
      if ((k === "email" || k === "password") && !fieldErrors[k]) fieldErrors[k] = i.message;
    }
    return { fieldErrors, email };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "rate_limited") {
      return { error: "Too many sign-in attempts. Wait a few minutes, then try again.", email };
    }
    if (e instanceof AuthError) return { error: "Email or password is incorrect.", email };
    throw e; // Next's redirect on success travels as an exception.
  }
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const id = form.get("provider");
  // Only providers this instance enabled; anything else is ignored.
  if (typeof id !== "string" || !oauthProviders().some((p) => p.id === id)) return;
  await signIn(id, { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}
