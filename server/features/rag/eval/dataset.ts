import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The Northwind Outdoor demo documents the labels point into. */
export const NORTHWIND_KNOWLEDGE_DIR = path.join(import.meta.dirname, "..", "..", "demo", "knowledge");
export const NORTHWIND_QUERIES_PATH = path.join(import.meta.dirname, "northwind-queries.json");

/** Minimum number of words (tokens with a letter or digit; a table's `|` is not a word) in a phrase. */
export const MIN_PHRASE_WORDS = 5;

export function phraseWords(phrase: string): string[] {
  return phrase.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export const relevanceLabelSchema = z.strictObject({
  source: z
    .string()
    .regex(/^[\w.-]+\.(?:md|html|txt)$/, "a file name in the knowledge directory (.md, .html or .txt), no path"),
  contains: z
    .string()
    .refine(
      (s) => s === s.trim() && !/\s{2,}|[\t\n\r]/.test(s),
      "no leading, trailing, repeated or non-space whitespace",
    )
    .refine((s) => phraseWords(s).length >= MIN_PHRASE_WORDS, `at least ${MIN_PHRASE_WORDS} words`),
  grade: z.union([z.literal(1), z.literal(2)]),
});

export const evalQuerySchema = z.strictObject({
  id: z.string().regex(/^q\d{2,}$/, 'ids look like "q01"'),
  query: z.string().trim().min(3),
  relevant: z
    .array(relevanceLabelSchema)
    .min(1)
    .superRefine((labels, ctx) => {
      const seen = new Set<string>();
      labels.forEach((l, i) => {
        const key = `${l.source}\u0000${l.contains}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: "duplicate label" });
        seen.add(key);
      });
      if (!labels.some((l) => l.grade === 2))
        ctx.addIssue({ code: "custom", message: "a query needs at least one label of grade 2 (answers the query)" });
    }),
});

export const evalSetSchema = z.strictObject({
  version: z.literal(1),
  queries: z
    .array(evalQuerySchema)
    .min(1)
    .superRefine((queries, ctx) => {
      const ids = new Set<string>();
      queries.forEach((q, i) => {
        if (ids.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id ${q.id}` });
        ids.add(q.id);
      });
    }),
});

export type EvalLabel = z.infer<typeof relevanceLabelSchema>;
export type EvalQuery = z.infer<typeof evalQuerySchema>;
export type EvalSet = z.infer<typeof evalSetSchema>;

/** Reads and validates a labelled set (default: the Northwind set). Throws a ZodError when invalid. */
export function loadEvalSet(file: string = NORTHWIND_QUERIES_PATH): EvalSet {
  return evalSetSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
