"use client";

import { useQuery } from "@tanstack/react-query";
import { FileCode2, GitCompareArrows, PencilLine } from "lucide-react";
import { useMemo, useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Loading } from "@/components/inference/fields";
import { MoveLabelForm } from "./move-label-form";
import { NewVersionForm } from "./new-version-form";
import { TextDiff } from "./text-diff";
import { settingsText, type PromptVersion } from "./types";

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFmt = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

export function labelTone(label: string) {
  return label === "production" ? "success" : label === "staging" ? "info" : "neutral";
}

/** Settings → Prompts: versions per key, diffs, labels (shipping and rollback) and new versions. */
export function PromptsPanel() {
  const prompts = useQuery({ queryKey: queryKeys.prompts, queryFn: () => api<PromptVersion[]>("/api/prompts") });
  const byKey = useMemo(() => {
    const m = new Map<string, PromptVersion[]>();
    for (const v of prompts.data ?? []) m.set(v.key, [...(m.get(v.key) ?? []), v]);
    for (const list of m.values()) list.sort((a, b) => b.version - a.version);
    return m;
  }, [prompts.data]);
  const keys = [...byKey.keys()].sort();
  const [picked, setPicked] = useState<string | null>(null);
  const selectedKey = picked && byKey.has(picked) ? picked : (keys.find((k) => k === "draft.generic") ?? keys[0]);

  if (prompts.isPending) return <Loading>Loading prompts…</Loading>;
  if (prompts.isError) return <Alert tone="danger">{prompts.error.message}</Alert>;
  if (!selectedKey)
    return <EmptyState icon={FileCode2} title="No prompts" description="Built-in prompts appear here once created." />;

  return (
    <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label="Prompt keys" className="space-y-2">
        <p className="text-muted-foreground text-xs font-medium tracking-wide uppercase">Prompt keys</p>
        <ul className="flex flex-wrap gap-1 lg:flex-col">
          {keys.map((k) => {
            const versions = byKey.get(k) ?? [];
            const prod = versions.find((v) => v.labels.includes("production"));
            const active = k === selectedKey;
            return (
              <li key={k}>
                <button
                  type="button"
                  aria-current={active ? "true" : undefined}
                  onClick={() => setPicked(k)}
                  className={cn(
                    "focus-visible:outline-ring w-full rounded-md border px-3 py-2 text-left transition-colors focus-visible:outline-2",
                    active ? "border-primary/40 bg-accent" : "hover:bg-muted border-transparent",
                  )}
                >
                  <span className="block font-mono text-sm font-medium">{k}</span>
                  <span className="text-muted-foreground block text-xs">
                    {versions.length} version{versions.length === 1 ? "" : "s"}
                    {prod ? ` · production v${prod.version}` : " · no production"}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* Keyed by prompt key: picking another key starts from fresh selections. */}
      <PromptKeyDetail key={selectedKey} promptKey={selectedKey} versions={byKey.get(selectedKey) ?? []} />
    </div>
  );
}

function PromptKeyDetail({ promptKey, versions }: { promptKey: string; versions: PromptVersion[] }) {
  const newest = versions[0];
  const production = versions.find((v) => v.labels.includes("production"));
  const [beforeId, setBeforeId] = useState<string | undefined>(
    (production && production.id !== newest?.id ? production : versions[1])?.id,
  );
  const [afterId, setAfterId] = useState<string | undefined>(newest?.id);
  const [baseId, setBaseId] = useState<string | undefined>(newest?.id);
  const [created, setCreated] = useState<number | null>(null);
  const byId = (id: string | undefined) => versions.find((v) => v.id === id);
  const before = byId(beforeId);
  const after = byId(afterId);
  const base = byId(baseId) ?? newest;

  return (
    <div className="min-w-0 space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <span className="font-mono">{promptKey}</span> versions
          </CardTitle>
          <CardDescription>
            Versions never change once saved. Calls use the version the <strong>production</strong> label points at;
            moving the label ships a version, and moving it back rolls it back.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DataTable
            caption={`Versions of ${promptKey}`}
            columns={["Version", "Labels", "Note", "Created", { label: "Actions", hidden: true }]}
          >
            {versions.map((v) => (
              <tr key={v.id} data-version={v.version}>
                <td className="py-2.5 pr-4 font-mono font-medium">v{v.version}</td>
                <td className="py-2.5 pr-4">
                  <div className="flex flex-wrap gap-1">
                    {v.labels.length === 0 ? (
                      <span className="text-muted-foreground text-xs">No label</span>
                    ) : (
                      v.labels.map((l) => (
                        <Badge key={l} tone={labelTone(l)}>
                          {l}
                        </Badge>
                      ))
                    )}
                  </div>
                </td>
                <td className="max-w-72 min-w-40 py-2.5 pr-4">
                  {v.note || <span className="text-muted-foreground">—</span>}
                </td>
                <td className="text-muted-foreground py-2.5 pr-4 whitespace-nowrap">
                  {dateFmt.format(new Date(v.createdAt))}
                  <span className="block text-xs">{timeFmt.format(new Date(v.createdAt))}</span>
                </td>
                <td className="py-1.5">
                  <div className="flex flex-col items-end gap-0.5">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={v.id === newest?.id}
                      onClick={() => {
                        setBeforeId(v.id);
                        setAfterId(newest?.id);
                        document.getElementById("prompt-compare")?.scrollIntoView({ block: "start" });
                      }}
                    >
                      <GitCompareArrows aria-hidden="true" />
                      Compare<span className="sr-only"> v{v.version} with the newest version</span>
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setBaseId(v.id);
                        document.getElementById("new-version")?.scrollIntoView({ block: "start" });
                      }}
                    >
                      <PencilLine aria-hidden="true" />
                      Edit as new<span className="sr-only"> version, starting from v{v.version}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </CardContent>
      </Card>

      <Card id="prompt-compare" className="scroll-mt-6">
        <CardHeader>
          <CardTitle>Compare versions</CardTitle>
          <CardDescription>
            Removed lines are marked −, added lines +. Inside a changed line, removed words are struck through and added
            words underlined.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <VersionSelect
              id="compare-before"
              label="Before"
              versions={versions}
              value={beforeId}
              onChange={setBeforeId}
            />
            <VersionSelect id="compare-after" label="After" versions={versions} value={afterId} onChange={setAfterId} />
            <Button
              size="md"
              variant="ghost"
              aria-label="Swap before and after"
              onClick={() => {
                setBeforeId(afterId);
                setAfterId(beforeId);
              }}
            >
              <GitCompareArrows aria-hidden="true" />
              Swap
            </Button>
          </div>
          {versions.length < 2 ? (
            <p className="text-muted-foreground text-sm">
              There is only one version so far. Create a new version below to compare it with this one.
            </p>
          ) : before && after ? (
            <div className="space-y-5" data-testid="prompt-diff">
              {before.id === after.id ? (
                <p className="text-muted-foreground text-sm">
                  Both sides are v{before.version}: pick two different versions.
                </p>
              ) : null}
              <TextDiff label="System" before={before.system} after={after.system} />
              <TextDiff label="Template" before={before.template} after={after.template} />
              <TextDiff label="Variables and parameters" before={settingsText(before)} after={settingsText(after)} />
            </div>
          ) : (
            <p className="text-muted-foreground text-sm">Pick a version for each side.</p>
          )}
        </CardContent>
      </Card>

      <MoveLabelForm promptKey={promptKey} versions={versions} />

      <div id="new-version" className="scroll-mt-6">
        {base ? (
          <NewVersionForm
            key={base.id}
            base={base}
            created={created}
            onCreated={(v) => {
              setCreated(v.version);
              setBeforeId(base.id);
              setAfterId(v.id);
              setBaseId(v.id);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function VersionSelect({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: PromptVersion[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  return (
    <div className="space-y-2 sm:w-56">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {value === undefined ? <option value="">Choose a version</option> : null}
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            v{v.version}
            {v.labels.length ? ` (${v.labels.join(", ")})` : ""}
          </option>
        ))}
      </Select>
    </div>
  );
}
