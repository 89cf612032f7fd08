import { z } from "zod";

/**
 * Zod schemas of Vale rule definitions, discriminated by `extends`. Like Vale (mapstructure with
 * `ErrorUnused` and weak typing), unknown keys are errors and scalars are coerced: "true" -> true,
 * "3" -> 3, a single string where a list is expected -> [string].
 */

const zStr = z.preprocess((v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v), z.string());
const zBool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());
const zNum = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v),
  z.number(),
);
const zStrList = z.preprocess((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(zStr));
const zStrMap = z.preprocess((v) => (v === null ? {} : v), z.record(z.string(), zStr));

export const LEVELS = ["suggestion", "warning", "error"] as const;

const common = {
  message: zStr,
  description: zStr.optional(),
  level: z.enum(LEVELS).optional(),
  scope: zStrList.optional(),
  link: zStr.optional(),
  limit: zNum.optional(),
  action: z
    .strictObject({
      name: z.enum(["replace", "remove", "edit", "suggest", "convert"]),
      params: zStrList.optional(),
    })
    .optional(),
  matchcase: zBool.optional(),
  /** Deprecated in Vale (`scope: raw` replaces it); rejected with Vale's message. */
  code: zBool.optional(),
  /** Rule-embedded cases for `vale test`; ignored. */
  tests: z.unknown().optional(),
  name: zStr.optional(),
};

export const existenceSchema = z.strictObject({
  extends: z.literal("existence"),
  ...common,
  tokens: zStrList.optional(),
  raw: zStrList.optional(),
  append: zBool.optional(),
  ignorecase: zBool.optional(),
  nonword: zBool.optional(),
  exceptions: zStrList.optional(),
  vocab: zBool.optional(),
});

export const substitutionSchema = z.strictObject({
  extends: z.literal("substitution"),
  ...common,
  swap: zStrMap,
  ignorecase: zBool.optional(),
  nonword: zBool.optional(),
  exceptions: zStrList.optional(),
  vocab: zBool.optional(),
  capitalize: zBool.optional(),
  /** Deprecated part-of-speech filter; accepted and ignored. */
  pos: zStr.optional(),
});

export const occurrenceSchema = z.strictObject({
  extends: z.literal("occurrence"),
  ...common,
  token: zStr,
  max: zNum.optional(),
  min: zNum.optional(),
  ignorecase: zBool.optional(),
});

export const repetitionSchema = z.strictObject({
  extends: z.literal("repetition"),
  ...common,
  tokens: zStrList,
  max: zNum.optional(),
  ignorecase: zBool.optional(),
  alpha: zBool.optional(),
  vocab: zBool.optional(),
  exceptions: zStrList.optional(),
});

export const consistencySchema = z.strictObject({
  extends: z.literal("consistency"),
  ...common,
  either: zStrMap,
  nonword: zBool.optional(),
  ignorecase: zBool.optional(),
});

export const conditionalSchema = z.strictObject({
  extends: z.literal("conditional"),
  ...common,
  first: zStr,
  second: zStr,
  exceptions: zStrList.optional(),
  ignorecase: zBool.optional(),
  vocab: zBool.optional(),
});

export const capitalizationSchema = z.strictObject({
  extends: z.literal("capitalization"),
  ...common,
  match: zStr,
  style: z.enum(["AP", "Chicago"]).optional(),
  exceptions: zStrList.optional(),
  indicators: zStrList.optional(),
  threshold: zNum.optional(),
  vocab: zBool.optional(),
  prefix: zStr.optional(),
});

export const metricSchema = z.strictObject({
  extends: z.literal("metric"),
  ...common,
  formula: zStr,
  condition: zStr,
});

export const readabilitySchema = z.strictObject({
  extends: z.literal("readability"),
  ...common,
  metrics: zStrList,
  grade: zNum,
});

export const ruleSchema = z.discriminatedUnion("extends", [
  existenceSchema,
  substitutionSchema,
  occurrenceSchema,
  repetitionSchema,
  consistencySchema,
  conditionalSchema,
  capitalizationSchema,
  metricSchema,
  readabilitySchema,
]);

export type RuleDef = z.infer<typeof ruleSchema>;
export type RuleKind = RuleDef["extends"];
export type ExistenceDef = z.infer<typeof existenceSchema>;
export type SubstitutionDef = z.infer<typeof substitutionSchema>;
export type OccurrenceDef = z.infer<typeof occurrenceSchema>;
export type RepetitionDef = z.infer<typeof repetitionSchema>;
export type ConsistencyDef = z.infer<typeof consistencySchema>;
export type ConditionalDef = z.infer<typeof conditionalSchema>;
export type CapitalizationDef = z.infer<typeof capitalizationSchema>;
export type MetricDef = z.infer<typeof metricSchema>;
export type ReadabilityDef = z.infer<typeof readabilitySchema>;

export const SUPPORTED_KINDS: readonly RuleKind[] = [
  "existence",
  "substitution",
  "occurrence",
  "repetition",
  "consistency",
  "conditional",
  "capitalization",
  "metric",
  "readability",
];
/** Vale extension points this engine recognises but does not implement. */
export const UNSUPPORTED_KINDS = ["spelling", "sequence", "script"] as const;
export const ALL_KINDS = [...SUPPORTED_KINDS, ...UNSUPPORTED_KINDS];
