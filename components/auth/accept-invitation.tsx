"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { AcceptInvitationBody } from "@/lib/schemas/auth";
import { api, ApiError } from "@/lib/query/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Fields = "name" | "password" | "confirm";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationBody) =>
      api<{ email: string }>("/api/invitations/accept", { method: "POST", body }),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = AcceptInvitationBody.safeParse({ token, name: f.get("name"), password: f.get("password") });
    const next: Partial<Record<Fields, string>> = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[i.path[0] as Fields] ??= i.message;
    if (f.get("password") !== f.get("confirm")) next.confirm = "The two passwords differ.";
    setErrors(next);
    if (parsed.success && !next.confirm) accept.mutate(parsed.data);
  }

  if (accept.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your account is ready">
          Sign in with {email} and the password you chose.
        </Alert>
        <Link className={buttonVariants({ className: "w-full" })} href="/login">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {accept.error ? (
        <Alert tone="danger">{accept.error instanceof ApiError ? accept.error.message : "Something went wrong."}</Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="invite-email">Email</Label>
        <Input id="invite-email" value={email} readOnly disabled />
      </div>
      {(
        [
          ["name", "Your name", "text", "name"],
          ["password", "Password (at least 12 characters)", "password", "new-password"],
          ["confirm", "Repeat the password", "password", "new-password"],
        ] as const
      ).map(([name, label, type, autoComplete]) => (
        <div key={name} className="space-y-2">
          <Label htmlFor={`invite-${name}`}>{label}</Label>
          <Input
            id={`invite-${name}`}
            name={name}
            type={type}
            autoComplete={autoComplete}
            required
            invalid={Boolean(errors[name])}
            aria-describedby={errors[name] ? `invite-${name}-error` : undefined}
          />
          <FieldError id={`invite-${name}-error`}>{errors[name]}</FieldError>
        </div>
      ))}
      <Button type="submit" className="w-full" disabled={accept.isPending}>
        {accept.isPending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}

export function JoinWorkspaceButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const join = useMutation({
    mutationFn: () => api<{ workspaceId: string }>("/api/invitations/join", { method: "POST", body: { token } }),
    onSuccess: () => {
      router.push("/drafts");
      router.refresh();
    },
  });
  return (
    <div className="space-y-4">
      {join.error ? <Alert tone="danger">{join.error.message}</Alert> : null}
      <Button className="w-full" onClick={() => join.mutate()} disabled={join.isPending}>
        {join.isPending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
