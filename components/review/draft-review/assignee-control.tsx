"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserCheck } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/inference/fields";
import { ROLE_LABELS, type Role } from "@/lib/schemas/roles";
import type { AssignBody, ReviewState } from "@/lib/schemas/review";
import { reviewApi, reviewKeys } from "./review-api";

function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

/** Who reviews the draft; those who may assign can claim it or hand it to someone. */
export function AssigneeControl({ draftId, state }: { draftId: string; state: ReviewState }) {
  const qc = useQueryClient();
  const id = useId();
  const assign = useMutation({
    mutationFn: (body: AssignBody) => reviewApi.assign(draftId, body),
    onSuccess: (next) => qc.setQueryData(reviewKeys.state(draftId), next),
  });
  const name = state.assignee?.name ?? null;

  if (!state.canAssign)
    return (
      <span className={name ? undefined : "text-muted-foreground font-normal"} data-testid="review-assignee">
        {name ?? "Unassigned"}
      </span>
    );

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-assignee`} className="sr-only">
          Assignee
        </label>
        <Select
          id={`${id}-assignee`}
          value={state.assignee?.id ?? ""}
          disabled={assign.isPending}
          onChange={(e) => assign.mutate({ assignee: e.target.value || null })}
          wrapperClassName="max-w-64"
          className="h-8 w-auto max-w-full text-[13px]"
          data-testid="review-assignee"
        >
          <option value="">Unassigned</option>
          {state.assignee && !state.people.some((p) => p.id === state.assignee!.id) ? (
            <option value={state.assignee.id}>{state.assignee.name}</option>
          ) : null}
          {state.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({roleLabel(p.role)})
            </option>
          ))}
        </Select>
        {state.assignee === null ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => assign.mutate({ assignee: "me" })}
            disabled={assign.isPending}
          >
            {assign.isPending ? <Spinner /> : <UserCheck aria-hidden="true" />}
            Claim
          </Button>
        ) : null}
      </div>
      {assign.isError ? (
        <p role="alert" className="text-danger text-xs font-normal">
          {assign.error.message}
        </p>
      ) : null}
    </div>
  );
}
