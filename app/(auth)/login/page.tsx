import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { Button } from "@/components/ui/button";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getSessionContext } from "@/server/auth/context";
import { oauthProviders } from "@/server/auth/config";
import { env } from "@/server/env";
import { DEMO_USERS } from "@/server/features/demo/seed";
import { signInWithPassword, signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in · Lectern" };

const ERRORS: Record<string, string> = {
  AccessDenied: "That account is not a member of any Lectern workspace. Ask an admin for an invitation.",
  Configuration: "Sign-in is misconfigured on this server. Check the logs.",
  CredentialsSignin: "Email or password is incorrect.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionContext()) redirect("/drafts");
  const providers = oauthProviders();
  const target = safeRedirectPath(callbackUrl);
  return (
    <AuthCard title="Sign in to Lectern" subtitle="Governed, grounded content for ads, emails and SEO pages.">
      <LoginForm
        action={signInWithPassword}
        callbackUrl={target}
        initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : undefined}
        demoUsers={env().demoMode ? DEMO_USERS : undefined}
      />
      {providers.length ? (
        <div className="mt-6 space-y-2">
          <p className="text-muted-foreground text-center text-xs">or continue with</p>
          {providers.map((p) => (
            <form key={p.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={target} />
              <Button type="submit" variant="secondary" className="w-full">
                {p.name}
              </Button>
            </form>
          ))}
        </div>
      ) : null}
    </AuthCard>
  );
}
