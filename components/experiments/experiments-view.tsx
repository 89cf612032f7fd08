"use client";

import { FlaskConical, Plus } from "lucide-react";
import { useState } from "react";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useExperiments } from "./api";
import { CreateExperimentForm } from "./create-form";
import { ExperimentCard } from "./experiment-card";

const HOW_IT_WORKS =
  "Each experiment tests alternative texts of an approved draft: email subjects, Meta ad variants or Google RSA headlines. " +
  "Your sending tool asks Lectern which text to show each visitor, then posts back clicks or conversions. " +
  "At first traffic is split evenly, until every text has enough impressions to judge (100 by default), so early luck cannot pick a winner. " +
  "Then a Thompson-sampling bandit sends more traffic to the text most likely to be best, while every text keeps a small minimum share.";

export function ExperimentsView({ canEdit, origin }: { canEdit: boolean; origin: string }) {
  const list = useExperiments();
  const [creating, setCreating] = useState(false);
  const hasItems = (list.data?.items.length ?? 0) > 0;

  return (
    <div className="space-y-6">
      {hasItems ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <p className="text-muted-foreground max-w-3xl text-sm">{HOW_IT_WORKS}</p>
          {canEdit && !creating ? (
            <Button className="shrink-0" onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" /> New experiment
            </Button>
          ) : null}
        </div>
      ) : null}
      {creating ? (
        <CreateExperimentForm onCreated={() => setCreating(false)} onCancel={() => setCreating(false)} />
      ) : null}
      {list.isPending ? (
        <Loading>Loading experiments…</Loading>
      ) : list.error ? (
        <Alert tone="danger" title="Experiments could not be loaded">
          {list.error.message}
        </Alert>
      ) : list.data.items.length === 0 ? (
        creating ? null : (
          <EmptyState
            icon={FlaskConical}
            title="No experiments yet"
            description={HOW_IT_WORKS}
            action={
              canEdit ? (
                <Button onClick={() => setCreating(true)}>
                  <Plus aria-hidden="true" /> Start an experiment
                </Button>
              ) : (
                <p className="text-muted-foreground text-sm">Editors and admins start experiments.</p>
              )
            }
          />
        )
      ) : (
        list.data.items.map((e) => <ExperimentCard key={e.id} e={e} canEdit={canEdit} origin={origin} />)
      )}
    </div>
  );
}
