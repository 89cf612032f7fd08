import { z } from "zod";
import type { DraftContent, DraftFormat } from "./drafts";

/**
 * Experiments: A/B(/n) tests over alternative texts of one approved draft field, with traffic
 * split by a Thompson-sampling bandit (server/features/experiments). Shared by the form and the
 * routes:
 *
 *   GET  /api/experiments                 → ExperimentList (everyone in the workspace)
 *   POST /api/experiments                 CreateExperimentBody → ExperimentOut (201; editors+)
 *   GET  /api/experiments/:id             → ExperimentOut
 *   POST /api/experiments/:id/stop        StopExperimentBody → ExperimentOut (editors+)
 *   POST /api/v1/experiments/:id/assign   AssignBody → AssignResult (API key, write)
 *   POST /api/v1/experiments/:id/outcomes OutcomeBody → OutcomeResult (API key, write)
 *   GET  /api/v1/experiments/:id          → ExperimentOut (API key, read)
 */

export const EXPERIMENT_METRICS = ["click", "conversion"] as const;
export const ExperimentMetric = z.enum(EXPERIMENT_METRICS);
export type ExperimentMetric = z.infer<typeof ExperimentMetric>;

/** Which draft field the arms replace, by format. SEO pages are not tested this way. */
export const EXPERIMENT_FIELDS = ["subject", "variant", "headline"] as const;
export const ExperimentField = z.enum(EXPERIMENT_FIELDS);
export type ExperimentField = z.infer<typeof ExperimentField>;

export const FIELD_BY_FORMAT: Partial<Record<DraftFormat, ExperimentField>> = {
  email: "subject",
  meta_ad: "variant",
  google_rsa: "headline",
};

export const FIELD_LABELS: Record<ExperimentField, string> = {
  subject: "Email subject",
  variant: "Meta ad variant (headline)",
  headline: "Google RSA headline",
};

export const MIN_ARMS = 2;
export const MAX_ARMS = 10;
export const ARM_TEXT_MAX = 300;
/** Draft statuses an experiment can be started from. */
export const EXPERIMENT_DRAFT_STATUSES = ["approved", "published"] as const;

const ArmInput = z.object({
  label: z.string().trim().max(60, "Use at most 60 characters for a label.").optional(),
  text: z.string().trim().min(1, "An arm needs a text.").max(ARM_TEXT_MAX, `Use at most ${ARM_TEXT_MAX} characters.`),
});
export type ArmInput = z.input<typeof ArmInput>;

export const CreateExperimentBody = z
  .object({
    draftId: z.string().trim().min(1, "Choose an approved draft.").max(100),
    name: z.string().trim().min(1, "Name the experiment.").max(80, "Use at most 80 characters."),
    metric: ExperimentMetric.default("click"),
    /** Impressions every arm needs before the bandit shifts traffic; uniform until then. */
    minSamples: z.coerce
      .number({ message: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(0, "At least 0.")
      .max(1_000_000, "At most 1,000,000.")
      .default(100),
    /** Each arm keeps at least this share of traffic once the bandit runs. */
    floor: z.coerce
      .number({ message: "Enter a number between 0 and 0.5." })
      .min(0, "At least 0.")
      .max(0.5, "At most 0.5.")
      .default(0.05),
    /** Omit to use the texts found in the draft (needs at least two there). */
    arms: z
      .array(ArmInput)
      .min(MIN_ARMS, `Give at least ${MIN_ARMS} arms (the original and an alternative).`)
      .max(MAX_ARMS, `At most ${MAX_ARMS} arms.`)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.arms) return;
    const seen = new Set<string>();
    b.arms.forEach((a, i) => {
      const k = a.text.toLowerCase();
      if (seen.has(k))
        ctx.addIssue({ code: "custom", path: ["arms", i, "text"], message: "This text is already an arm." });
      seen.add(k);
    });
    if (b.floor * b.arms.length > 1)
      ctx.addIssue({
        code: "custom",
        path: ["floor"],
        message: `With ${b.arms.length} arms the floor can be at most ${(1 / b.arms.length).toFixed(3)}.`,
      });
  });
export type CreateExperimentBody = z.input<typeof CreateExperimentBody>;

export const StopExperimentBody = z.object({ version: z.number().int().min(1) });
export type StopExperimentBody = z.input<typeof StopExperimentBody>;

export const AssignBody = z.object({
  /** Your stable id for the visitor or recipient (hash it if it is personal data). */
  unitId: z.string().trim().min(1, "Send a unitId.").max(200, "Use at most 200 characters for unitId."),
});
export type AssignBody = z.input<typeof AssignBody>;

export const OutcomeBody = z.object({
  /** Your id for this event: a retried post-back with the same id counts once. */
  eventId: z.string().trim().min(1, "Send an eventId.").max(200, "Use at most 200 characters for eventId."),
  arm: z.string().trim().min(1, "Send the arm key you were assigned (a, b, …).").max(10),
  kind: ExperimentMetric,
});
export type OutcomeBody = z.input<typeof OutcomeBody>;

export const ArmOut = z.object({
  key: z.string(),
  label: z.string(),
  text: z.string(),
  impressions: z.number().int(),
  clicks: z.number().int(),
  conversions: z.number().int(),
  /** Successes (by the experiment's metric) per impression; null before any impression. */
  rate: z.number().nullable(),
  /** Monte Carlo estimate of P(this arm has the highest true rate). */
  probabilityBest: z.number(),
  /** The share of new units this arm gets now. */
  trafficShare: z.number(),
});
export type ArmOut = z.infer<typeof ArmOut>;

export const ExperimentOut = z.object({
  id: z.string(),
  name: z.string(),
  draft: z.object({ id: z.string(), title: z.string(), format: z.string() }),
  field: ExperimentField,
  metric: ExperimentMetric,
  status: z.enum(["running", "stopped"]),
  /** guardrail: uniform until every arm has minSamples impressions; bandit: Thompson sampling. */
  phase: z.enum(["guardrail", "bandit", "stopped"]),
  minSamples: z.number().int(),
  floor: z.number(),
  version: z.number().int(),
  arms: z.array(ArmOut),
  createdAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
});
export type ExperimentOut = z.infer<typeof ExperimentOut>;

export const ExperimentList = z.object({ items: z.array(ExperimentOut) });
export type ExperimentList = z.infer<typeof ExperimentList>;

export const AssignResult = z.object({
  experimentId: z.string(),
  unitId: z.string(),
  field: ExperimentField,
  arm: z.object({ key: z.string(), label: z.string(), text: z.string() }),
  /** False when this unit already had an arm (sticky; no new impression counted). */
  firstAssignment: z.boolean(),
});
export type AssignResult = z.infer<typeof AssignResult>;

export const OutcomeResult = z.object({
  eventId: z.string(),
  arm: z.string(),
  kind: ExperimentMetric,
  /** False when this eventId was already counted (a retry). */
  counted: z.boolean(),
});
export type OutcomeResult = z.infer<typeof OutcomeResult>;

/**
 * The arms a draft suggests: the email's subject (add alternatives yourself), every Meta ad
 * variant (its headline is the arm text; the variant travels whole), or the RSA headlines.
 */
export function suggestedArms(content: DraftContent): { label: string; text: string }[] {
  switch (content.format) {
    case "email":
      return [{ label: "Original", text: content.subject }];
    case "meta_ad":
      return content.variants.map((v, i) => ({ label: `Variant ${i + 1}`, text: v.headline }));
    case "google_rsa":
      return content.headlines.slice(0, MAX_ARMS).map((h, i) => ({ label: `Headline ${i + 1}`, text: h.text }));
    case "seo_page":
      return [];
    default: {
      const _exhaustive: never = content;
      return _exhaustive;
    }
  }
}

/** a, b, … j */
export const armKey = (i: number) => String.fromCharCode(97 + i);
