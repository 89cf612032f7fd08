"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { detailIssues, errorsByField, focusFirstError } from "@/components/drafts/form-errors";
import { Field, Spinner } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ApiError } from "@/lib/query/client";
import { CHANNEL_LABELS, CHANNELS, type Channel } from "@/lib/schemas/brand";
import { CampaignBody, type CampaignOut } from "@/lib/schemas/drafts";
import { useCreateCampaign } from "./use-campaigns";

const FIELDS = ["name", "channel", "audience", "startsOn", "endsOn"] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, string>>;
const fid = (f: FieldName) => `campaign-${f}`;

const EMPTY = { name: "", channel: "", audience: "", startsOn: "", endsOn: "" };

/** Creates a campaign: name (unique in the workspace), optional channel, audience and dates. */
export function CampaignForm({ onCreated }: { onCreated: (c: CampaignOut) => void }) {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const create = useCreateCampaign((c) => {
    setV(EMPTY);
    setErrors({});
    onCreated(c);
  });
  const set = (k: FieldName) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body: CampaignBody = {
      name: v.name,
      channel: (v.channel || null) as Channel | null,
      audience: v.audience.trim() || null,
      startsOn: v.startsOn || null,
      endsOn: v.endsOn || null,
    };
    const parsed = CampaignBody.safeParse(body);
    const next = parsed.success ? {} : errorsByField(FIELDS, parsed.error.issues);
    setErrors(next);
    focusFirstError(FIELDS, next, fid);
    if (parsed.success)
      create.mutate(body, {
        onError: (err) => {
          const server =
            err instanceof ApiError && err.code === "conflict:campaign_name"
              ? { name: err.message }
              : errorsByField(FIELDS, err instanceof ApiError ? detailIssues(err.details) : []);
          setErrors(server);
          focusFirstError(FIELDS, server, fid);
        },
      });
  }

  const serverMessage = create.error && !Object.keys(errors).length ? create.error.message : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle>New campaign</CardTitle>
        <CardDescription>Group the drafts of one launch under a name, an audience and its dates.</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate aria-label="New campaign" className="space-y-4" onSubmit={submit}>
          <Field id={fid("name")} label="Name" error={errors.name}>
            {(a) => (
              <Input
                {...a}
                value={v.name}
                onChange={set("name")}
                maxLength={120}
                placeholder="e.g. Autumn trail launch"
              />
            )}
          </Field>
          <Field id={fid("channel")} label="Channel" optional error={errors.channel}>
            {(a) => (
              <Select {...a} value={v.channel} onChange={set("channel")}>
                <option value="">Any channel</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id={fid("audience")} label="Audience" optional error={errors.audience}>
            {(a) => (
              <Input
                {...a}
                value={v.audience}
                onChange={set("audience")}
                maxLength={200}
                placeholder="e.g. Weekend hikers"
              />
            )}
          </Field>
          <div className="grid gap-4">
            <Field id={fid("startsOn")} label="Starts on" optional error={errors.startsOn}>
              {(a) => <Input {...a} type="date" value={v.startsOn} onChange={set("startsOn")} />}
            </Field>
            <Field id={fid("endsOn")} label="Ends on" optional error={errors.endsOn}>
              {(a) => <Input {...a} type="date" value={v.endsOn} onChange={set("endsOn")} />}
            </Field>
          </div>
          {serverMessage ? <Alert tone="danger">{serverMessage}</Alert> : null}
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? <Spinner /> : <Plus aria-hidden="true" />}
            Create campaign
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
