"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2, Wallet } from "lucide-react";
import { useRef, useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { BudgetBody } from "@/lib/schemas/inference";
import type { MembersResponse } from "@/lib/schemas/workspace";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Loading } from "./fields";
import { formatBudgetAmount, optionalInt, parseUsdToMicros } from "./format";
import { apiIssues, type BudgetRow } from "./types";

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function BudgetsCard() {
  const qc = useQueryClient();
  const budgets = useQuery({ queryKey: queryKeys.budgets, queryFn: () => api<BudgetRow[]>("/api/inference/budgets") });
  const members = useQuery({ queryKey: queryKeys.members, queryFn: () => api<MembersResponse>("/api/members") });
  const invalidate = () => qc.invalidateQueries({ queryKey: queryKeys.budgets });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/inference/budgets/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
  const memberName = (userId: string) => {
    const m = members.data?.members.find((x) => x.userId === userId);
    return m ? m.name : `User ${userId}`;
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Budgets</CardTitle>
        <CardDescription>
          Caps on tokens or spend per day or month, for the whole workspace or one person. Past the soft cap Lectern
          warns; at the hard cap it refuses new calls until the period resets. Offline-engine calls cost $0 but still
          count tokens.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {remove.error ? <Alert tone="danger">{remove.error.message}</Alert> : null}
        {budgets.isPending ? (
          <Loading>Loading budgets…</Loading>
        ) : budgets.isError ? (
          <Alert tone="danger">{budgets.error.message}</Alert>
        ) : budgets.data.length === 0 ? (
          <EmptyState
            icon={Wallet}
            headingLevel="h3"
            className="py-8 sm:py-8"
            title="No budgets"
            description="Nothing caps usage yet. Add a budget below to stop runaway spend."
          />
        ) : (
          <ul className="space-y-3" aria-label="Budgets">
            {budgets.data.map((b) => {
              const scope = b.userId ? memberName(b.userId) : "Whole workspace";
              const name = `${scope}: ${b.metric === "cost" ? "spend" : "tokens"} per ${b.period}`;
              return (
                <li key={b.id} className="border-border rounded-lg border p-4" data-budget-id={b.id}>
                  <div className="mb-3 flex items-start justify-between gap-3">
                    <div>
                      <div className="flex flex-wrap items-center gap-2 text-sm font-medium">
                        {scope}
                        <Badge tone={b.metric === "cost" ? "brand" : "info"}>
                          {b.metric === "cost" ? "Spend" : "Tokens"}
                        </Badge>
                        <Badge>{b.period === "day" ? "Daily" : "Monthly"}</Badge>
                      </div>
                      {b.periodStart ? (
                        <p className="text-muted-foreground mt-0.5 text-xs">
                          This {b.period} started {dateFmt.format(new Date(b.periodStart))}
                        </p>
                      ) : null}
                    </div>
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Remove budget ${name}`}
                      onClick={() => {
                        if (confirm(`Remove the budget "${name}"?`)) remove.mutate(b.id);
                      }}
                    >
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </div>
                  <BudgetMeter budget={b} name={name} />
                </li>
              );
            })}
          </ul>
        )}
        <AddBudgetForm members={members.data?.members ?? []} existing={budgets.data ?? []} onAdded={invalidate} />
      </CardContent>
    </Card>
  );
}

function BudgetMeter({ budget: b, name }: { budget: BudgetRow; name: string }) {
  const pct = (n: number) => Math.min(100, Math.max(0, (n / b.hardCap) * 100));
  const usedPct = pct(b.used);
  const reservedPct = Math.min(100 - usedPct, pct(b.reserved));
  const softPct = b.softCap !== null ? pct(b.softCap) : null;
  const overSoft = b.softCap !== null && b.used >= b.softCap;
  const atHard = b.used >= b.hardCap;
  const fmt = (n: number) => formatBudgetAmount(b.metric, n);
  const summary = `${fmt(b.used)} of ${fmt(b.hardCap)} used (${Math.round((b.used / b.hardCap) * 100)}%)`;

  return (
    <div className="space-y-1.5">
      <div
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={b.hardCap}
        aria-valuenow={Math.min(b.used, b.hardCap)}
        aria-valuetext={summary}
        className="bg-muted border-border relative h-2.5 overflow-visible rounded-full border"
      >
        <div
          className={cn(
            "absolute inset-y-0 left-0 rounded-full",
            atHard ? "bg-danger-solid" : overSoft ? "bg-warning" : "bg-primary",
          )}
          style={{ width: `${usedPct}%` }}
        />
        {reservedPct > 0 ? (
          <div
            className="bg-primary/35 absolute inset-y-0"
            style={{ left: `${usedPct}%`, width: `${reservedPct}%` }}
            title="Reserved by calls in flight"
          />
        ) : null}
        {softPct !== null ? (
          <div
            aria-hidden="true"
            className="bg-foreground absolute -inset-y-1 w-0.5 rounded"
            style={{ left: `calc(${softPct}% - 1px)` }}
            title={`Soft cap: ${fmt(b.softCap ?? 0)}`}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs">
        <span className="font-medium" data-testid="budget-usage">
          {summary}
          {atHard ? " · hard cap reached" : overSoft ? " · past the soft cap" : ""}
        </span>
        <span className="text-muted-foreground">
          {b.softCap !== null ? (
            <>
              <span aria-hidden="true">▏</span>soft cap {fmt(b.softCap)} ·{" "}
            </>
          ) : null}
          {b.reserved > 0 ? `${fmt(b.reserved)} reserved · ` : ""}hard cap {fmt(b.hardCap)}
        </span>
      </div>
    </div>
  );
}

function AddBudgetForm({
  members,
  existing,
  onAdded,
}: {
  members: MembersResponse["members"];
  existing: BudgetRow[];
  onAdded: () => unknown;
}) {
  const [metric, setMetric] = useState<"tokens" | "cost">("tokens");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (body: BudgetBody) => api<{ id: string }>("/api/inference/budgets", { method: "POST", body }),
    onSuccess: () => {
      formRef.current?.reset();
      setMetric("tokens");
      return onAdded();
    },
    onError: (e) => setErrors(apiIssues(e)),
  });

  function amount(v: FormDataEntryValue | null): number | null {
    if (metric === "tokens") return optionalInt(v);
    const s = String(v ?? "").trim();
    return s === "" ? null : (parseUsdToMicros(s) ?? Number.NaN);
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const userId = String(f.get("userId") ?? "");
    const hardCap = amount(f.get("hardCap"));
    const parsed = BudgetBody.safeParse({
      userId: userId || null,
      metric,
      period: f.get("period"),
      softCap: amount(f.get("softCap")),
      hardCap: hardCap ?? undefined,
    });
    const next: Record<string, string> = {};
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const k = String(i.path[0]);
        next[k] ??=
          k === "hardCap" || (k === "softCap" && i.code !== "custom")
            ? metric === "cost"
              ? "Enter an amount in dollars, at least $0.000001."
              : "Enter a whole number of tokens, at least 1."
            : i.message;
      }
    // One budget per scope, measure and period: the gateway cannot enforce two.
    if (
      parsed.success &&
      existing.some(
        (b) => b.userId === parsed.data.userId && b.metric === parsed.data.metric && b.period === parsed.data.period,
      )
    )
      next.form = `There is already a ${parsed.data.period === "day" ? "daily" : "monthly"} ${
        parsed.data.metric === "cost" ? "spend" : "token"
      } budget for ${parsed.data.userId ? "this person" : "the whole workspace"}. Remove it first to change its caps.`;
    setErrors(next);
    if (parsed.success && !next.form) create.mutate(parsed.data);
  }

  const unit = metric === "cost" ? "$" : "tokens";
  return (
    <section aria-labelledby="add-budget-heading" className="border-border border-t pt-5">
      <h3 id="add-budget-heading" className="mb-4 text-sm font-semibold">
        Add a budget
      </h3>
      <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-3">
        <Field id="budget-scope" label="Applies to">
          {(a) => (
            <Select {...a} name="userId" defaultValue="">
              <option value="">Whole workspace</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name} ({m.email})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="budget-metric" label="Measure">
          {(a) => (
            <Select
              {...a}
              name="metric"
              value={metric}
              onChange={(e) => {
                setMetric(e.target.value as "tokens" | "cost");
                setErrors({});
              }}
            >
              <option value="tokens">Tokens</option>
              <option value="cost">Spend (US$)</option>
            </Select>
          )}
        </Field>
        <Field id="budget-period" label="Period">
          {(a) => (
            <Select {...a} name="period" defaultValue="month">
              <option value="day">Per day</option>
              <option value="month">Per month</option>
            </Select>
          )}
        </Field>
        <Field
          id="budget-soft"
          label={`Soft cap (${unit})`}
          optional
          hint="Warn past this amount."
          error={errors.softCap}
        >
          {(a) => (
            <Input
              {...a}
              name="softCap"
              inputMode={metric === "cost" ? "decimal" : "numeric"}
              placeholder={metric === "cost" ? "e.g. 40" : "e.g. 800000"}
            />
          )}
        </Field>
        <Field
          id="budget-hard"
          label={`Hard cap (${unit})`}
          hint="Refuse calls past this amount."
          error={errors.hardCap}
        >
          {(a) => (
            <Input
              {...a}
              name="hardCap"
              inputMode={metric === "cost" ? "decimal" : "numeric"}
              placeholder={metric === "cost" ? "e.g. 50" : "e.g. 1000000"}
            />
          )}
        </Field>
        <div className="flex items-start sm:pt-[22px]">
          <Button type="submit" disabled={create.isPending}>
            <Plus aria-hidden="true" />
            {create.isPending ? "Adding…" : "Add budget"}
          </Button>
        </div>
        {errors.form ? (
          <Alert tone="danger" className="sm:col-span-3">
            {errors.form}
          </Alert>
        ) : create.error ? (
          <Alert tone="danger" className="sm:col-span-3">
            {create.error.message}
          </Alert>
        ) : null}
      </form>
    </section>
  );
}
