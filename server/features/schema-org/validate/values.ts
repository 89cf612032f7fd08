/**
 * Checks a literal (string, number, boolean) against a property's `rangeIncludes`, following
 * schema.org's own conventions: data types may be literals, numeric strings are Numbers, a string
 * is acceptable where a Thing is expected (reported as info), and a URL is a reference to a Thing.
 */
import { finding, schemaTerm } from "../findings";
import type { JsonLdFinding } from "../types";
import type { PropertyInfo, Vocabulary } from "../vocabulary/types";
import { isIsoDate, isIsoDateTime, isIsoDuration, isIsoTime } from "./dates";
import { schemaValueName } from "./terms";
import { classifyUrl } from "./urls";

/** What a property accepts, precomputed once per property (see `rangeSpec`). */
export type RangeSpec = {
  text: boolean;
  url: boolean;
  date: boolean;
  dateTime: boolean;
  time: boolean;
  number: boolean;
  /** Integer is accepted but not any Number. */
  integerOnly: boolean;
  boolean: boolean;
  duration: boolean;
  /** Quantity subtypes (Energy, Mass, Distance): schema.org writes them as text ("240 calories"). */
  quantity: boolean;
  /** Enumeration classes in the range. */
  enums: readonly string[];
  /** Non-data-type classes in the range (Thing and everything below it). */
  classes: readonly string[];
  /** "Date or DateTime", for messages. */
  label: string;
  /** The only class a nested untyped node can be (used to check its properties), if unambiguous. */
  impliedType?: string;
};

const specCache = new WeakMap<PropertyInfo, RangeSpec>();

export function rangeSpec(vocab: Vocabulary, prop: PropertyInfo): RangeSpec {
  const known = specCache.get(prop);
  if (known) return known;
  const spec: RangeSpec = {
    text: false,
    url: false,
    date: false,
    dateTime: false,
    time: false,
    number: false,
    integerOnly: false,
    boolean: false,
    duration: false,
    quantity: false,
    enums: [],
    classes: [],
    label: prop.ranges.join(" or ") || "any value",
  };
  const enums: string[] = [];
  const classes: string[] = [];
  let integer = false;
  for (const range of prop.ranges) {
    const info = vocab.classes.get(range);
    if (!info) continue;
    const a = info.ancestors;
    if (info.isDataType) {
      if (range === "URL" || a.has("URL")) spec.url = true;
      else if (a.has("Text")) spec.text = true;
      else if (range === "Integer") integer = true;
      else if (a.has("Number")) spec.number = true;
      else if (a.has("DateTime")) spec.dateTime = true;
      else if (a.has("Date")) spec.date = true;
      else if (a.has("Time")) spec.time = true;
      else if (a.has("Boolean")) spec.boolean = true;
      // Since release 30 Quantity (Duration, Distance, Energy, Mass) is a data type.
      else if (a.has("Duration")) spec.duration = true;
      else if (a.has("Quantity")) spec.quantity = true;
      continue;
    }
    if (info.isEnumeration) enums.push(range);
    classes.push(range);
    if (a.has("Duration")) spec.duration = true;
    else if (a.has("Quantity")) spec.quantity = true;
  }
  spec.integerOnly = integer && !spec.number;
  if (integer) spec.number = true;
  spec.enums = enums;
  spec.classes = classes;
  if (classes.length === 1) spec.impliedType = classes[0];
  specCache.set(prop, spec);
  return spec;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function anyAncestorIn(vocab: Vocabulary, type: string, targets: readonly string[]): boolean {
  const info = vocab.classes.get(type);
  if (!info) return false;
  for (const t of targets) if (info.ancestors.has(t)) return true;
  return false;
}

/** Reports at most one finding for a literal value; pushes into `out`. */
export function checkLiteral(
  vocab: Vocabulary,
  prop: PropertyInfo,
  value: string | number | boolean,
  path: string,
  out: JsonLdFinding[],
): void {
  const spec = rangeSpec(vocab, prop);
  if (prop.ranges.length === 0) return;
  const term = schemaTerm(prop.name);

  if (typeof value === "number") {
    if (spec.number && (!spec.integerOnly || Number.isInteger(value))) return;
    if (spec.text || spec.quantity) return; // a JSON number serialises to the same text
    const why = spec.integerOnly ? "an integer" : spec.label;
    out.push(finding("vocab.value-type", path, `${prop.name} expects ${why}, got the number ${value}`, term));
    return;
  }

  if (typeof value === "boolean") {
    if (spec.boolean) return;
    out.push(finding("vocab.value-type", path, `${prop.name} expects ${spec.label}, got the boolean ${value}`, term));
    return;
  }

  if (spec.text) return;

  // Enumeration members (`InStock`, `schema:InStock`, `https://schema.org/InStock`).
  const named = schemaValueName(value);
  if (spec.enums.length > 0 || spec.boolean) {
    const member = vocab.enumMembers.get(named.name);
    if (member) {
      const fits = member.types.some((t) => anyAncestorIn(vocab, t, spec.enums) || (spec.boolean && t === "Boolean"));
      if (fits) {
        if (member.supersededBy) {
          out.push(
            finding(
              "vocab.superseded",
              path,
              `${named.name} is superseded by ${member.supersededBy}`,
              schemaTerm(named.name),
            ),
          );
        }
        return;
      }
      out.push(
        finding(
          "vocab.value-type",
          path,
          `${named.name} is a ${member.types.join("/")} member, but ${prop.name} expects ${spec.label}`,
          term,
        ),
      );
      return;
    }
    if (named.iri && spec.enums.length > 0) {
      out.push(
        finding(
          "vocab.unknown-enum-member",
          path,
          `${value} is not a member of ${spec.enums.join(" or ")}`,
          schemaTerm(named.name),
        ),
      );
      return;
    }
  }

  let dateFailure = false;
  if (spec.date || spec.dateTime || spec.time) {
    if ((spec.date || spec.dateTime) && isIsoDate(value)) return;
    if (spec.dateTime && isIsoDateTime(value)) return;
    if (spec.time && isIsoTime(value)) return;
    dateFailure = true;
  }
  let numberFailure = false;
  if (spec.number) {
    if (spec.integerOnly ? INTEGER.test(value.trim()) : NUMERIC.test(value.trim())) return;
    numberFailure = true;
  }
  let booleanFailure = false;
  if (spec.boolean) {
    if (/^(?:true|false)$/i.test(value)) return;
    booleanFailure = true;
  }
  let durationFailure = false;
  if (spec.duration) {
    if (isIsoDuration(value)) return;
    durationFailure = true;
  }
  if (spec.quantity) return;

  const url = spec.url || spec.classes.length > 0 ? classifyUrl(value) : "invalid";
  if (spec.url) {
    if (url === "absolute") return;
    if (url === "relative") {
      out.push(
        finding(
          "vocab.relative-url",
          path,
          `${prop.name} should be an absolute URL, got ${JSON.stringify(value)}`,
          term,
        ),
      );
      return;
    }
  }
  // An absolute IRI names a Thing (an entity defined elsewhere): fine where a Thing is expected.
  if (spec.classes.length > 0 && url === "absolute") return;

  if (dateFailure) {
    const kinds = [spec.date && "Date", spec.dateTime && "DateTime", spec.time && "Time"].filter(Boolean).join(" or ");
    out.push(
      finding(
        "vocab.invalid-date",
        path,
        `${prop.name} expects an ISO 8601 ${kinds}, got ${JSON.stringify(value)}`,
        term,
      ),
    );
    return;
  }
  if (durationFailure) {
    out.push(
      finding(
        "vocab.invalid-duration",
        path,
        `${prop.name} expects an ISO 8601 duration (e.g. PT1H30M), got ${JSON.stringify(value)}`,
        term,
      ),
    );
    return;
  }
  if (spec.classes.length > 0) {
    out.push(
      finding(
        "vocab.text-for-thing",
        path,
        `${prop.name} expects ${spec.label}; plain text is allowed but a typed node is more useful`,
        term,
      ),
    );
    return;
  }
  if (spec.url) {
    out.push(finding("vocab.invalid-url", path, `${prop.name} expects a URL, got ${JSON.stringify(value)}`, term));
    return;
  }
  if (numberFailure || booleanFailure) {
    const why = spec.integerOnly ? "an integer" : spec.label;
    out.push(finding("vocab.value-type", path, `${prop.name} expects ${why}, got ${JSON.stringify(value)}`, term));
  }
}

/** Whether a node with `types` is acceptable for the property's class range. */
export function nodeFitsRange(vocab: Vocabulary, prop: PropertyInfo, types: readonly string[]): boolean {
  const spec = rangeSpec(vocab, prop);
  if (prop.ranges.length === 0) return true;
  for (const t of types) {
    const info = vocab.classes.get(t);
    if (!info) return true; // unknown types are reported elsewhere; don't pile on
    // schema.org's Role pattern: a Role node may stand in for any value.
    if (info.ancestors.has("Role")) return true;
    if (info.isDataType) {
      if (prop.ranges.includes(t)) return true;
      continue;
    }
    for (const c of spec.classes) if (info.ancestors.has(c)) return true;
  }
  return false;
}
