"use client";

import { FlaskConical, Sparkles, Square } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Spinner, Textarea } from "./fields";
import { PROVIDER_KIND_LABELS } from "./types";
import { readUiMessageChunks, type RouteData } from "./ui-stream";

const CHANNELS = [
  { value: "ad", label: "Ad" },
  { value: "email", label: "Email" },
  { value: "seo_page", label: "SEO page" },
  { value: "generic", label: "Generic copy" },
] as const;
type Channel = (typeof CHANNELS)[number]["value"];

type Status = "idle" | "streaming" | "done" | "stopped" | "error";

function kindLabel(kind: string): string {
  return kind in PROVIDER_KIND_LABELS ? PROVIDER_KIND_LABELS[kind as keyof typeof PROVIDER_KIND_LABELS] : kind;
}

/**
 * "Try the engine": streams the draft role's answer to a brief through the
 * inference gateway. A preview of the gateway, not the drafting pipeline.
 */
export function Playground({ workspaceName }: { workspaceName: string }) {
  const [channel, setChannel] = useState<Channel>("ad");
  const [brief, setBrief] = useState("");
  const [voice, setVoice] = useState("");
  const [briefError, setBriefError] = useState<string>();
  const [text, setText] = useState("");
  const [route, setRoute] = useState<RouteData | null>(null);
  const [status, setStatus] = useState<Status>("idle");
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  // Leaving the page stops the request.
  useEffect(() => () => abortRef.current?.abort(), []);

  async function generate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!brief.trim()) {
      setBriefError("Write a brief: what should the copy be about?");
      return;
    }
    setBriefError(undefined);
    abortRef.current?.abort();
    const ctl = new AbortController();
    abortRef.current = ctl;
    setText("");
    setRoute(null);
    setError(null);
    setStatus("streaming");
    try {
      const res = await fetch("/api/inference/stream", {
        method: "POST",
        headers: { "content-type": "application/json" },
        signal: ctl.signal,
        body: JSON.stringify({
          role: "draft",
          prompt: {
            key: "draft.generic",
            variables: {
              workspace: workspaceName,
              channel,
              brief: brief.trim(),
              ...(voice.trim() ? { voice: voice.trim() } : {}),
            },
          },
        }),
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as ErrorBody | null;
        setError(body?.error?.message ?? `The server answered ${res.status}.`);
        setStatus("error");
        return;
      }
      let failed = false;
      for await (const chunk of readUiMessageChunks(res.body)) {
        if (chunk.type === "data-route") setRoute((chunk as { data: RouteData }).data);
        else if (chunk.type === "text-delta") setText((t) => t + String((chunk as { delta: unknown }).delta ?? ""));
        else if (chunk.type === "error") {
          failed = true;
          setError(String((chunk as { errorText?: unknown }).errorText ?? "The stream failed."));
        }
      }
      setStatus(failed ? "error" : "done");
    } catch (err) {
      if (ctl.signal.aborted) setStatus("stopped");
      else {
        setError("Could not reach the Lectern server. Check your connection and try again.");
        setStatus("error");
        console.error(err);
      }
    } finally {
      if (abortRef.current === ctl) abortRef.current = null;
    }
  }

  const streaming = status === "streaming";

  return (
    <Card className="mb-8">
      <CardHeader>
        <div className="flex items-center gap-2">
          <FlaskConical aria-hidden="true" className="text-primary size-4" />
          <CardTitle>Try the engine</CardTitle>
        </div>
        <CardDescription>
          A preview of the inference gateway: your brief goes through the workspace&apos;s draft route as-is. The real
          drafting pipeline (grounding in your knowledge base, brand checks, review) comes later, and nothing here is
          saved as a draft.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <form onSubmit={generate} noValidate className="space-y-4" aria-label="Try the engine">
          <Field id="pg-channel" label="Channel">
            {(a) => (
              <Select {...a} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                {CHANNELS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="pg-brief" label="Brief" error={briefError}>
            {(a) => (
              <Textarea
                {...a}
                value={brief}
                onChange={(e) => setBrief(e.target.value)}
                rows={4}
                maxLength={5000}
                placeholder="e.g. Spring sale: 20% off all two-person tents until April 30"
              />
            )}
          </Field>
          <Field
            id="pg-voice"
            label="Brand voice"
            optional
            hint="A few words on tone, e.g. warm, plain-spoken, no hype."
          >
            {(a) => <Input {...a} value={voice} onChange={(e) => setVoice(e.target.value)} maxLength={2000} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={streaming}>
              {streaming ? <Spinner /> : <Sparkles aria-hidden="true" />}
              {streaming ? "Generating…" : "Generate"}
            </Button>
            {streaming ? (
              <Button variant="secondary" onClick={() => abortRef.current?.abort()}>
                <Square aria-hidden="true" />
                Stop
              </Button>
            ) : null}
          </div>
        </form>

        <section aria-labelledby="pg-output-heading" className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="pg-output-heading" className="text-sm font-medium">
              Output
            </h3>
            <div data-testid="playground-route" className="flex flex-wrap items-center gap-1.5">
              {route ? (
                route.offline ? (
                  <Badge tone="warning">Offline engine — deterministic composer, not an LLM</Badge>
                ) : (
                  <Badge tone="brand">
                    {route.model} via {kindLabel(route.providerKind)}
                  </Badge>
                )
              ) : null}
              {route?.prompt ? (
                <Badge>
                  {route.prompt.key} v{route.prompt.version}
                  {route.prompt.label ? ` · ${route.prompt.label}` : ""}
                </Badge>
              ) : null}
            </div>
          </div>
          <div
            data-testid="playground-output"
            aria-live="polite"
            aria-busy={streaming}
            className="border-border bg-muted/40 min-h-40 flex-1 rounded-md border p-3 text-sm leading-6 break-words whitespace-pre-wrap"
          >
            {text ? (
              text
            ) : streaming ? (
              <span className="text-muted-foreground">Waiting for the first words…</span>
            ) : status === "idle" ? (
              <span className="text-muted-foreground">Generated text appears here as it streams in.</span>
            ) : null}
          </div>
          <p role="status" className="text-muted-foreground min-h-5 text-xs">
            {status === "streaming"
              ? "Streaming…"
              : status === "done"
                ? `Done · ${text.trim() ? text.trim().split(/\s+/).length : 0} words`
                : status === "stopped"
                  ? "Stopped. The text so far is kept."
                  : ""}
          </p>
          {error ? <Alert tone="danger">{error}</Alert> : null}
        </section>
      </CardContent>
    </Card>
  );
}
