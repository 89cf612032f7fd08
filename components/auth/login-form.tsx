"use client";

import { useActionState, useRef } from "react";
import { LogIn } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { LoginState } from "@/app/(auth)/login/actions";

type Props = {
  action: (prev: LoginState, form: FormData) => Promise<LoginState>;
  callbackUrl: string;
  demoUsers?: { email: string; name: string; role: string; password: string }[];
  initialError?: string;
};

export function LoginForm({ action, callbackUrl, demoUsers, initialError }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: initialError });
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function fillDemo(u: { email: string; password: string }) {
    if (emailRef.current) emailRef.current.value = u.email;
    if (passwordRef.current) passwordRef.current.value = u.password;
    passwordRef.current?.focus();
  }

  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
        <div className="space-y-2">
          <Label htmlFor="email">Email</Label>
          <Input
            ref={emailRef}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            invalid={Boolean(state.fieldErrors?.email)}
            aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
          />
          <FieldError id="email-error">{state.fieldErrors?.email}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="password">Password</Label>
          <Input
            ref={passwordRef}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            invalid={Boolean(state.fieldErrors?.password)}
            aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
          />
          <FieldError id="password-error">{state.fieldErrors?.password}</FieldError>
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          <LogIn aria-hidden="true" />
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>

      {demoUsers?.length ? (
        <section aria-labelledby="demo-accounts" className="border-border bg-muted/50 rounded-lg border p-4">
          <h2 id="demo-accounts" className="text-sm font-semibold">
            Demo accounts
          </h2>
          <p className="text-muted-foreground mt-1 text-[13px]">
            Shown because this instance runs in demo mode (LECTERN_DEMO). Turn it off for real use.
          </p>
          <ul className="mt-3 space-y-2">
            {demoUsers.map((u) => (
              <li key={u.email} className="flex items-center justify-between gap-3 text-[13px]">
                <span className="min-w-0">
                  <span className="font-medium capitalize">{u.role}</span>{" "}
                  <span className="text-muted-foreground">
                    {u.email} · <code className="font-mono">{u.password}</code>
                  </span>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => fillDemo(u)}
                  aria-label={`Fill in the ${u.role} demo account`}
                >
                  Use
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
