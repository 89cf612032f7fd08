import { z } from "zod";

import { InvalidFilterError } from "./errors";
import type { FieldCondition, FieldFilter, FieldOperators, FilterScalar, Metadata, MetadataFilter } from "./types";

/*
 * The supported subset of Pinecone's metadata filter language:
 *
 *   { field: value }                       equality (shorthand for $eq)
 *   { field: { $eq | $ne: scalar } }       scalar = string | number | boolean
 *   { field: { $in | $nin: scalar[] } }    non-empty list
 *   { field: { $gt | $gte | $lt | $lte: number } }
 *   { $and: [fieldFilter, ...] } / { $or: [fieldFilter, ...] }   top level only, not nested
 *
 * Several fields in one object, or several operators on one field, are combined with AND.
 * List-valued metadata (string[]): $eq/$in hold when any element matches, $ne/$nin when none does.
 * A missing field fails $eq/$in and ranges and satisfies $ne/$nin.
 * Not supported (rejected with InvalidFilterError): $exists, nested $and/$or, $and/$or mixed with
 * field conditions, and anything else.
 */

const OPERATORS = ["$eq", "$ne", "$in", "$nin", "$gt", "$gte", "$lt", "$lte"] as const;
const SUPPORTED = `supported: ${OPERATORS.join(", ")}, and $and/$or at the top level`;

const scalar = z.union([z.string(), z.number().finite(), z.boolean()], {
  error: "must be a string, a finite number or a boolean",
});
const scalarList = z.array(scalar, { error: "must be a list" }).min(1, "must be a non-empty list");
const num = z.number({ error: "must be a number" }).finite();

const operatorsSchema = z
  .strictObject(
    {
      $eq: scalar.optional(),
      $ne: scalar.optional(),
      $in: scalarList.optional(),
      $nin: scalarList.optional(),
      $gt: num.optional(),
      $gte: num.optional(),
      $lt: num.optional(),
      $lte: num.optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `unsupported operator ${issue.keys.join(", ")} (${SUPPORTED})` : undefined,
    },
  )
  .refine((o) => Object.keys(o).length > 0, "operator object is empty");

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const fieldFilterSchema = z.record(z.string(), z.unknown()).superRefine((obj, ctx) => {
  const keys = Object.keys(obj);
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "condition object is empty" });
  for (const key of keys) {
    if (key.startsWith("$")) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message:
          key === "$and" || key === "$or"
            ? `${key} is only supported at the top level, on its own`
            : `unsupported operator ${key} where a field name was expected (${SUPPORTED})`,
      });
      continue;
    }
    const value = obj[key];
    const result = (isPlainObject(value) ? operatorsSchema : scalar).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: "custom", path: [key, ...issue.path.map(String)], message: issue.message });
      }
    }
  }
});

const filterSchema = z
  .record(z.string(), z.unknown(), { error: "a filter must be an object" })
  .superRefine((obj, ctx) => {
    const logical = Object.keys(obj).filter((k) => k === "$and" || k === "$or");
    if (logical.length === 0) {
      const result = fieldFilterSchema.safeParse(obj);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: "custom" });
      return;
    }
    if (Object.keys(obj).length > 1) {
      ctx.addIssue({ code: "custom", message: `${logical[0]} must be the only key of the filter object` });
      return;
    }
    const key = logical[0] as "$and" | "$or";
    const list = obj[key];
    if (!Array.isArray(list) || list.length === 0) {
      ctx.addIssue({ code: "custom", path: [key], message: "must be a non-empty list of conditions" });
      return;
    }
    list.forEach((item, i) => {
      const result = fieldFilterSchema.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: "custom", path: [key, i, ...issue.path.map(String)], message: issue.message });
        }
      }
    });
  });

/**
 * Validates a filter (e.g. from an API request) and returns it typed, or throws InvalidFilterError
 * naming the offending path. `{}` and undefined mean "no filter" and return undefined.
 */
export function parseFilter(filter: unknown): MetadataFilter | undefined {
  if (filter === undefined || (isPlainObject(filter) && Object.keys(filter).length === 0)) return undefined;
  const result = filterSchema.safeParse(filter);
  if (!result.success) {
    const details = result.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
    throw new InvalidFilterError(`Invalid metadata filter: ${details}`);
  }
  return filter as MetadataFilter;
}

function fieldFilters(filter: MetadataFilter): { mode: "and" | "or"; parts: FieldFilter[] } {
  if ("$and" in filter && Array.isArray(filter.$and)) return { mode: "and", parts: filter.$and };
  if ("$or" in filter && Array.isArray(filter.$or)) return { mode: "or", parts: filter.$or };
  return { mode: "and", parts: [filter as FieldFilter] };
}

const asOperators = (c: FieldCondition): FieldOperators => (typeof c === "object" ? c : { $eq: c });

function anyEquals(value: Metadata[string] | undefined, target: FilterScalar): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.includes(target as string);
  return value === target;
}

function anyIn(value: Metadata[string] | undefined, targets: ReadonlySet<FilterScalar>): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((v) => targets.has(v));
  return targets.has(value);
}

type Predicate = (metadata: Metadata) => boolean;
type ValueTest = (value: Metadata[string] | undefined) => boolean;

function compileCondition(field: string, condition: FieldCondition): Predicate {
  const ops = asOperators(condition);
  const tests: ValueTest[] = [];
  const { $eq: eq, $ne: ne, $gt: gt, $gte: gte, $lt: lt, $lte: lte } = ops;
  if (eq !== undefined) tests.push((v) => anyEquals(v, eq));
  if (ne !== undefined) tests.push((v) => !anyEquals(v, ne));
  if (ops.$in !== undefined) {
    const targets = new Set(ops.$in);
    tests.push((v) => anyIn(v, targets));
  }
  if (ops.$nin !== undefined) {
    const targets = new Set(ops.$nin);
    tests.push((v) => !anyIn(v, targets));
  }
  if (gt !== undefined || gte !== undefined || lt !== undefined || lte !== undefined) {
    tests.push(
      (v) =>
        typeof v === "number" &&
        (gt === undefined || v > gt) &&
        (gte === undefined || v >= gte) &&
        (lt === undefined || v < lt) &&
        (lte === undefined || v <= lte),
    );
  }
  const [only] = tests;
  if (tests.length === 1 && only) return (metadata) => only(metadata[field]);
  return (metadata) => {
    const value = metadata[field];
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

function all(predicates: Predicate[]): Predicate {
  const [only] = predicates;
  if (predicates.length === 1 && only) return only;
  return (metadata) => {
    for (const p of predicates) if (!p(metadata)) return false;
    return true;
  };
}

function compileFieldFilter(filter: FieldFilter): Predicate {
  const predicates: Predicate[] = [];
  for (const field in filter) {
    const condition = filter[field];
    if (condition !== undefined) predicates.push(compileCondition(field, condition));
  }
  return all(predicates);
}

/**
 * A (validated) filter as a predicate over one record's metadata, built once and then applied to
 * every record (several times faster than `matches` per record). No filter matches everything.
 */
export function compileFilter(filter: MetadataFilter | undefined): Predicate {
  if (filter === undefined) return () => true;
  const { mode, parts } = fieldFilters(filter);
  const predicates = parts.map(compileFieldFilter);
  if (mode === "and") return all(predicates);
  return (metadata) => {
    for (const p of predicates) if (p(metadata)) return true;
    return false;
  };
}

/** Evaluates a (validated) filter against one record's metadata. No filter matches everything. */
export function matches(metadata: Metadata, filter: MetadataFilter | undefined): boolean {
  return compileFilter(filter)(metadata);
}

/**
 * The filter in Pinecone's explicit form (`{ field: { $eq: v } }`): same meaning, but the SDK's
 * deleteMany validator rejects falsy shorthand values such as `{ archived: false }`.
 */
export function toPineconeFilter(filter: MetadataFilter): Record<string, unknown> {
  const explicit = (f: FieldFilter) =>
    Object.fromEntries(Object.entries(f).map(([field, c]) => [field, asOperators(c)]));
  const { mode, parts } = fieldFilters(filter);
  if ("$and" in filter || "$or" in filter) return { [mode === "and" ? "$and" : "$or"]: parts.map(explicit) };
  return explicit(parts[0] ?? {});
}
