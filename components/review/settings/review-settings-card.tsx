"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { detailIssues, errorsByField } from "@/components/drafts/form-errors";
import { Field, Loading, Switch } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { api, ApiError } from "@/lib/query/client";
import { ReviewSettings } from "@/lib/schemas/review";
import { reviewKeys } from "../keys";

/** Review policy of the workspace: the SLA target that turns queue badges amber and red, and e-mail. */
export function ReviewSettingsCard() {
  const settings = useQuery({
    queryKey: reviewKeys.settings,
    queryFn: () => api<ReviewSettings>("/api/review/settings"),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Review</CardTitle>
        <CardDescription>
          How long a draft may wait in the review queue, and how editors and authors hear about decisions.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isPending ? (
          <Loading>Loading review settings…</Loading>
        ) : settings.isError ? (
          <Alert tone="danger">{settings.error.message}</Alert>
        ) : (
          <SettingsForm initial={settings.data} />
        )}
      </CardContent>
    </Card>
  );
}

const FIELDS = ["slaHours", "emailNotifications"] as const;

function SettingsForm({ initial }: { initial: ReviewSettings }) {
  const qc = useQueryClient();
  const [hours, setHours] = useState(String(initial.slaHours));
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReviewSettings) => api<ReviewSettings>("/api/review/settings", { method: "PUT", body }),
    onSuccess: (data) => {
      setSaved(true);
      qc.setQueryData(reviewKeys.settings, data);
      // The queue shows the target and computes its badges from it.
      return qc.invalidateQueries({ queryKey: reviewKeys.queues });
    },
    onError: (e) => setErrors(e instanceof ApiError ? errorsByField(FIELDS, detailIssues(e.details)) : {}),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const parsed = ReviewSettings.safeParse({
      slaHours: hours.trim() === "" ? Number.NaN : Number(hours),
      // Stays as it is: there is no mail transport to turn on (see the note under the switch).
      emailNotifications: initial.emailNotifications,
    });
    if (!parsed.success) {
      const next = errorsByField(FIELDS, parsed.error.issues);
      if (next.slaHours && Number.isNaN(Number(hours))) next.slaHours = "Enter a whole number of hours.";
      setErrors(next);
      document.getElementById("review-sla-hours")?.focus();
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <Field
        id="review-sla-hours"
        label="SLA target (hours)"
        hint="A draft waiting longer shows “SLA breached” in the queue; in the last 20 % of the target it shows amber. 24 = one working day."
        error={errors.slaHours}
        className="max-w-sm"
      >
        {(a) => (
          <Input
            {...a}
            inputMode="numeric"
            value={hours}
            onChange={(e) => {
              setHours(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <div className="space-y-2">
        <div className="flex items-center gap-3">
          <Switch
            id="review-email"
            checked={initial.emailNotifications}
            onCheckedChange={() => {}}
            disabled
            aria-describedby="review-email-note"
            aria-labelledby="review-email-label"
          />
          <span id="review-email-label" className="text-sm font-medium">
            Email notifications
          </span>
        </div>
        <p id="review-email-note" className="text-muted-foreground text-xs leading-5">
          Email delivery is not available in this build; in-app notifications only. The bell at the top of the studio
          shows assignments, decisions, mentions and SLA breaches.
        </p>
      </div>
      {save.error && !Object.keys(errors).length ? <Alert tone="danger">{save.error.message}</Alert> : null}
      {saved ? <Alert tone="success">Saved. The queue uses the new target now.</Alert> : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save review settings"}
      </Button>
    </form>
  );
}
