"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, UserPlus } from "lucide-react";
import { useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/schemas/roles";
import { InviteBody, type CreatedInvitation, type MembersResponse } from "@/lib/schemas/workspace";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function MembersPanel({ currentUserId }: { currentUserId: string }) {
  const qc = useQueryClient();
  const members = useQuery({ queryKey: queryKeys.members, queryFn: () => api<MembersResponse>("/api/members") });
  const invalidate = () => qc.invalidateQueries({ queryKey: queryKeys.members });
  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: Role }) =>
      api(`/api/members/${v.userId}`, { method: "PATCH", body: { role: v.role } }),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/api/members/${userId}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/invitations/${id}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
  const actionError = changeRole.error ?? remove.error ?? revoke.error;

  return (
    <div className="space-y-6">
      <InviteCard onInvited={invalidate} />
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>{ROLES.map((r) => `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r]}`).join(" ")}</CardDescription>
        </CardHeader>
        <CardContent>
          {actionError ? (
            <Alert tone="danger" className="mb-4">
              {actionError.message}
            </Alert>
          ) : null}
          {members.isPending ? (
            <p className="text-muted-foreground text-sm" role="status">
              Loading members…
            </p>
          ) : members.isError ? (
            <Alert tone="danger">{members.error.message}</Alert>
          ) : (
            <DataTable
              caption="Workspace members"
              columns={["Name", "Role", "Joined", { label: "Actions", hidden: true }]}
            >
              {members.data.members.map((m) => (
                <tr key={m.userId}>
                  <td className="py-3 pr-4">
                    <div className="font-medium">
                      {m.name} {m.userId === currentUserId ? <Badge>you</Badge> : null}
                    </div>
                    <div className="text-muted-foreground text-xs">{m.email}</div>
                  </td>
                  <td className="py-3 pr-4">
                    <Select
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as Role })}
                      wrapperClassName="w-36"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className="text-muted-foreground py-3 pr-4">{dateFmt.format(new Date(m.joinedAt))}</td>
                  <td className="py-3 text-right">
                    {m.userId !== currentUserId ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => {
                          if (confirm(`Remove ${m.name} from this workspace?`)) remove.mutate(m.userId);
                        }}
                      >
                        Remove
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pending invitations</CardTitle>
          <CardDescription>
            Invitation links expire after 7 days. A new invitation to the same address replaces the old one.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {members.data && members.data.invitations.length === 0 ? (
            <p className="text-muted-foreground text-sm">No pending invitations.</p>
          ) : (
            <ul className="divide-border divide-y text-sm" aria-label="Pending invitations">
              {members.data?.invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-3 py-3">
                  <span>
                    <span className="font-medium">{i.email}</span>{" "}
                    <span className="text-muted-foreground">
                      · {ROLE_LABELS[i.role]} · expires {dateFmt.format(new Date(i.expiresAt))}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => revoke.mutate(i.id)}
                    aria-label={`Revoke the invitation for ${i.email}`}
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function InviteCard({ onInvited }: { onInvited: () => void }) {
  const [fieldError, setFieldError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const invite = useMutation({
    mutationFn: (body: InviteBody) => api<CreatedInvitation>("/api/invitations", { method: "POST", body }),
    onSuccess: onInvited,
  });
  const link = invite.data ? new URL(invite.data.acceptUrl, window.location.origin).toString() : "";

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = InviteBody.safeParse({ email: f.get("email"), role: f.get("role") });
    setFieldError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    setCopied(false);
    if (parsed.success) invite.mutate(parsed.data);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite a member</CardTitle>
        <CardDescription>
          Lectern does not send email yet: copy the link and send it to the person yourself.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
          <div className="flex-1 space-y-2">
            <Label htmlFor="invite-email">Email</Label>
            <Input
              id="invite-email"
              name="email"
              type="email"
              placeholder="name@company.com"
              invalid={Boolean(fieldError)}
              aria-describedby={fieldError ? "invite-email-error" : undefined}
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="invite-role">Role</Label>
            <Select id="invite-role" name="role" defaultValue="marketer" wrapperClassName="w-36">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" disabled={invite.isPending}>
            <UserPlus aria-hidden="true" />
            {invite.isPending ? "Inviting…" : "Invite"}
          </Button>
        </form>
        <FieldError id="invite-email-error">{fieldError}</FieldError>
        {invite.error ? <Alert tone="danger">{invite.error.message}</Alert> : null}
        {invite.data ? (
          <Alert tone="success" title={`Invitation for ${invite.data.email} created`}>
            <div className="mt-1 flex items-center gap-2">
              <code
                className="bg-background border-border block min-w-0 flex-1 truncate rounded border px-2 py-1 font-mono text-xs"
                data-testid="invite-link"
              >
                {link}
              </code>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
              >
                {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
                {copied ? "Copied" : "Copy link"}
              </Button>
            </div>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
