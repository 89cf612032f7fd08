"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Loading } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { GuardrailPolicyOut } from "@/lib/schemas/guardrails";
import { PolicyForm } from "./policy-form";
import { TestBox } from "./test-box";

/** Settings → Guardrails: the workspace policy and a test box. */
export function GuardrailsPanel() {
  const [reloads, setReloads] = useState(0);
  const policy = useQuery({
    queryKey: queryKeys.guardrailPolicy,
    queryFn: () => api<GuardrailPolicyOut>("/api/guardrails/policy"),
  });

  return (
    <div className="space-y-6">
      <p className="text-muted-foreground text-sm">
        Guardrails run on every model call, offline: personal data is pseudonymised before an external model sees it,
        briefs, CSV cells and knowledge passages are scored for prompt injection, and generated copy is checked for
        personal data that is not in its sources, links off the allow-list, competitors and profanity. They are
        heuristics: they reduce the risk, they do not remove it, and review stays the last line of defence.
      </p>
      {policy.isError ? <Alert tone="danger">{policy.error.message}</Alert> : null}
      {policy.data ? (
        <PolicyForm
          key={reloads}
          current={policy.data}
          onReload={() => {
            void policy.refetch().then(() => setReloads((n) => n + 1));
          }}
        />
      ) : policy.isPending ? (
        <Loading>Loading the guardrail policy…</Loading>
      ) : null}
      <TestBox />
    </div>
  );
}
