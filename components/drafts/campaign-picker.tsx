"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Field, Spinner } from "@/components/inference/fields";
import { useCampaigns, useCreateCampaign } from "@/components/campaigns/use-campaigns";
import { CampaignBody } from "@/lib/schemas/drafts";

/** Campaign select for a new draft, with a one-field creator for a campaign that does not exist yet. */
export function CampaignPicker({
  className,
  id,
  value,
  onChange,
  error,
}: {
  className?: string;
  id: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const create = useCreateCampaign((c) => {
    onChange(c.id);
    setCreating(false);
    setName("");
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  });

  function submit() {
    const parsed = CampaignBody.safeParse({ name });
    setNameError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) create.mutate({ name: parsed.data.name });
  }

  return (
    <div className={cn("space-y-3", className)}>
      <Field
        id={id}
        label="Campaign"
        optional
        error={error}
        hint={campaigns.isError ? `Campaigns could not be loaded: ${campaigns.error.message}` : undefined}
      >
        {(a) => (
          <div className="flex gap-2">
            <Select {...a} wrapperClassName="flex-1" value={value} onChange={(e) => onChange(e.target.value)}>
              <option value="">{campaigns.isPending ? "Loading campaigns…" : "No campaign"}</option>
              {(campaigns.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
            <Button
              variant="secondary"
              aria-expanded={creating}
              aria-controls={`${id}-new`}
              onClick={() => {
                setCreating((v) => !v);
                requestAnimationFrame(() => document.getElementById(`${id}-new-name`)?.focus());
              }}
            >
              <Plus aria-hidden="true" />
              New campaign
            </Button>
          </div>
        )}
      </Field>
      {creating ? (
        <div id={`${id}-new`} className="border-border bg-muted/40 space-y-2 rounded-md border p-3">
          <Label htmlFor={`${id}-new-name`}>New campaign name</Label>
          <div className="flex gap-2">
            <Input
              id={`${id}-new-name`}
              value={name}
              maxLength={120}
              invalid={Boolean(nameError || create.error)}
              aria-describedby={nameError || create.error ? `${id}-new-error` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  submit();
                } else if (e.key === "Escape") {
                  e.stopPropagation();
                  setCreating(false);
                  document.getElementById(id)?.focus();
                }
              }}
              placeholder="e.g. Autumn trail launch"
            />
            <Button variant="secondary" onClick={submit} disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Create campaign
            </Button>
          </div>
          <FieldError id={`${id}-new-error`}>{nameError ?? create.error?.message}</FieldError>
          <p className="text-muted-foreground text-xs">
            Only the name here. For dates, a channel and an audience, create it on the{" "}
            <Link href="/campaigns" className="text-primary underline underline-offset-2">
              Campaigns page
            </Link>
            .
          </p>
        </div>
      ) : null}
    </div>
  );
}
