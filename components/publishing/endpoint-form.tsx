"use client";

import { Plus, RefreshCw, Save, TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { detailIssues, focusFirstError } from "@/components/drafts/form-errors";
import { Field, Spinner } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/query/client";
import {
  EndpointBody,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  type EndpointOut,
  type EndpointWithSecret,
  type EventType,
} from "@/lib/schemas/publishing";
import { useCreateEndpoint, useUpdateEndpoint } from "./api";
import { HeadersEditor } from "./headers-editor";
import { headerIssuesByRow, headersFromRows, newHeaderRow, rowsFromHeaders, type HeaderRow } from "./headers";

const FIELDS = ["url", "description", "eventTypes", "allowPrivate", "headers"] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, string>>;
type Issue = { path: string; message: string };

type RawIssue = { path: string | readonly PropertyKey[]; message: string; issues?: unknown };

/** zod's and the server's issues with dotted paths; a bad record key says which rule it broke. */
function normalize(issues: readonly RawIssue[]): Issue[] {
  return issues.map((i) => {
    const path = typeof i.path === "string" ? i.path : i.path.map(String).join(".");
    const inner = Array.isArray(i.issues) ? (i.issues[0] as { message?: unknown } | undefined) : undefined;
    const message =
      typeof inner?.message === "string"
        ? inner.message
        : i.message === "Invalid key in record"
          ? "Header names are letters, digits and - _ . only"
          : i.message;
    return { path, message };
  });
}

function fieldErrors(issues: readonly Issue[]): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = i.path.split(".")[0] as FieldName;
    if (FIELDS.includes(key) && key !== "headers") out[key] ??= i.message;
  }
  return out;
}

type Values = {
  url: string;
  description: string;
  eventTypes: EventType[];
  enabled: boolean;
  allowPrivate: boolean;
  rows: HeaderRow[];
};

function initialValues(e: EndpointOut | undefined): Values {
  return e
    ? {
        url: e.url,
        description: e.description,
        eventTypes: [...e.eventTypes],
        enabled: e.enabled,
        allowPrivate: e.allowPrivate,
        rows: rowsFromHeaders(e.headers),
      }
    : {
        url: "",
        description: "",
        eventTypes: ["page.published"],
        enabled: true,
        allowPrivate: false,
        rows: [],
      };
}

/**
 * Creates an endpoint or edits one (the same fields; an edit sends the version it started from, and
 * a 409 says someone else saved first). Validated with the shared `EndpointBody` schema before it is
 * sent; the server's answer (including the address check) lands on the same fields.
 */
export function EndpointForm({
  endpoint,
  onCreated,
  onSaved,
  onCancel,
  onReload,
}: {
  /** The endpoint to edit; none to create one. */
  endpoint?: EndpointOut;
  onCreated?: (e: EndpointWithSecret) => void;
  onSaved?: (e: EndpointOut) => void;
  onCancel: () => void;
  /** After a 409: fetch the endpoint again (the parent remounts the form, which starts from the new version). */
  onReload?: () => void;
}) {
  const id = useId();
  const fid = (f: FieldName) => `${id}-${f}`;
  const editing = endpoint !== undefined;
  const [v, setV] = useState<Values>(() => initialValues(endpoint));
  // The version the form started from: a background refetch must not turn someone else's save into ours.
  const [baseVersion] = useState(endpoint?.version);
  const [errors, setErrors] = useState<Errors>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [headersError, setHeadersError] = useState<string | undefined>();
  const [stale, setStale] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  function showIssues(issues: readonly Issue[], extraRowErrors: Record<string, string> = {}) {
    const next = fieldErrors(issues);
    const h = headerIssuesByRow(v.rows, issues);
    const rowsWithErrors = { ...extraRowErrors, ...h.byRow };
    setErrors(next);
    setRowErrors(rowsWithErrors);
    setHeadersError(h.general);
    if (!focusFirstError(FIELDS, next, fid)) {
      const firstRow = v.rows.find((r) => rowsWithErrors[r.key]);
      if (firstRow) requestAnimationFrame(() => document.getElementById(`${id}-hname-${firstRow.key}`)?.focus());
    }
  }

  function onError(e: unknown) {
    if (e instanceof ApiError && e.code === "conflict:stale_version") {
      setStale(true);
      return;
    }
    if (e instanceof ApiError && e.code.startsWith("validation:url")) {
      showIssues([{ path: "url", message: e.message }]);
      return;
    }
    const issues = e instanceof ApiError ? normalize(detailIssues(e.details)) : [];
    if (issues.length) showIssues(issues);
    else setServerError(e instanceof Error ? e.message : "The endpoint could not be saved.");
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setServerError(null);
    setStale(false);
    const { headers, rowErrors: rowProblems } = headersFromRows(v.rows);
    const body = {
      url: v.url,
      description: v.description,
      eventTypes: v.eventTypes,
      enabled: v.enabled,
      allowPrivate: v.allowPrivate,
      headers,
    };
    const parsed = EndpointBody.safeParse(body);
    const issues = parsed.success ? [] : normalize(parsed.error.issues);
    showIssues(issues, rowProblems);
    if (!parsed.success || Object.keys(rowProblems).length) return;
    if (endpoint)
      update.mutate(
        { id: endpoint.id, patch: { ...body, version: baseVersion ?? endpoint.version } },
        { onSuccess: (saved) => onSaved?.(saved), onError },
      );
    else create.mutate(body, { onSuccess: (created) => onCreated?.(created), onError });
  }

  function toggleType(t: EventType, on: boolean) {
    set("eventTypes", on ? [...v.eventTypes.filter((x) => x !== t), t] : v.eventTypes.filter((x) => x !== t));
  }

  const title = editing ? "Edit endpoint" : "New endpoint";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
        <CardDescription>
          {editing
            ? "Changes apply to the next delivery attempt; deliveries already sent are not affected."
            : "Lectern sends a signed POST to this URL for each event it subscribes to, retries failures with backoff and keeps every attempt in the log."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate aria-label={title} className="space-y-5" onSubmit={submit}>
          <Field
            id={fid("url")}
            label="URL"
            hint="An https URL of your CMS or service, e.g. https://cms.example.com/hooks/lectern."
            error={errors.url}
          >
            {(a) => (
              <Input
                {...a}
                type="url"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                value={v.url}
                onChange={(e) => set("url", e.target.value)}
                maxLength={2000}
                placeholder="https://cms.example.com/hooks/lectern"
                className="font-mono"
              />
            )}
          </Field>
          <Field id={fid("description")} label="Description" optional error={errors.description}>
            {(a) => (
              <Input
                {...a}
                value={v.description}
                onChange={(e) => set("description", e.target.value)}
                maxLength={200}
                placeholder="e.g. Production CMS"
              />
            )}
          </Field>
          <fieldset
            className="space-y-2"
            aria-describedby={errors.eventTypes ? `${fid("eventTypes")}-error` : undefined}
          >
            <legend className="text-foreground mb-2 text-sm leading-none font-medium">Events to send</legend>
            {EVENT_TYPES.map((t, i) => (
              <label key={t} className="flex items-start gap-2.5 text-sm">
                <input
                  id={i === 0 ? fid("eventTypes") : undefined}
                  type="checkbox"
                  className="accent-primary mt-0.5 size-4 shrink-0"
                  checked={v.eventTypes.includes(t)}
                  aria-invalid={errors.eventTypes ? true : undefined}
                  onChange={(e) => toggleType(t, e.target.checked)}
                />
                <span>
                  <span className="text-foreground">{EVENT_TYPE_LABELS[t]}</span>{" "}
                  <code className="text-muted-foreground font-mono text-xs">{t}</code>
                </span>
              </label>
            ))}
            <FieldError id={`${fid("eventTypes")}-error`}>{errors.eventTypes}</FieldError>
          </fieldset>
          <HeadersEditor
            idPrefix={id}
            rows={v.rows}
            rowErrors={rowErrors}
            error={headersError}
            onChange={(rows) => set("rows", rows)}
            onAdd={() => {
              const row = newHeaderRow();
              set("rows", [...v.rows, row]);
              requestAnimationFrame(() => document.getElementById(`${id}-hname-${row.key}`)?.focus());
            }}
          />
          <div className="space-y-3">
            <label className="flex items-start gap-2.5 text-sm">
              <input
                type="checkbox"
                className="accent-primary mt-0.5 size-4 shrink-0"
                checked={v.enabled}
                onChange={(e) => set("enabled", e.target.checked)}
              />
              <span>
                <span className="text-foreground font-medium">Enabled</span>
                <span className="text-muted-foreground block text-xs leading-5">
                  A disabled endpoint gets no new deliveries; its pending ones wait until it is enabled again.
                </span>
              </span>
            </label>
            <div>
              <label className="flex items-start gap-2.5 text-sm">
                <input
                  id={fid("allowPrivate")}
                  type="checkbox"
                  className="accent-primary mt-0.5 size-4 shrink-0"
                  checked={v.allowPrivate}
                  aria-describedby={`${fid("allowPrivate")}-hint`}
                  onChange={(e) => set("allowPrivate", e.target.checked)}
                />
                <span className="text-foreground font-medium">Allow private addresses (local network CMS; tests)</span>
              </label>
              <p
                id={`${fid("allowPrivate")}-hint`}
                className={
                  v.allowPrivate
                    ? "border-warning-border bg-warning-subtle text-foreground mt-2 ml-6.5 flex gap-2 rounded-md border px-3 py-2 text-xs leading-5"
                    : "text-muted-foreground mt-1 ml-6.5 text-xs leading-5"
                }
              >
                {v.allowPrivate ? (
                  <TriangleAlert aria-hidden="true" className="text-warning mt-0.5 size-3.5 shrink-0" />
                ) : null}
                <span>
                  By default Lectern refuses URLs whose host resolves to a loopback, private or link-local address
                  (127.0.0.1, 10.x, 192.168.x, cloud metadata), so a webhook cannot be used to reach services inside
                  your network. Allow them only for a CMS on your own network or for tests.
                </span>
              </p>
              <FieldError id={`${fid("allowPrivate")}-error`} className="mt-1 ml-6.5">
                {errors.allowPrivate}
              </FieldError>
            </div>
          </div>
          {stale ? (
            <Alert tone="danger" title="Someone changed this endpoint — reload">
              <p>It was saved by someone else after you opened this form. Reload it, then make your change again.</p>
              <Button variant="secondary" size="sm" className="mt-2" onClick={onReload}>
                <RefreshCw aria-hidden="true" />
                Reload
              </Button>
            </Alert>
          ) : null}
          {serverError ? <Alert tone="danger">{serverError}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : editing ? <Save aria-hidden="true" /> : <Plus aria-hidden="true" />}
              {editing ? "Save changes" : "Create endpoint"}
            </Button>
            <Button variant="ghost" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
