/** Value formats Google checks on present values (see `ValueFormat` in `./rules.ts`). */
import { schemaValueName } from "../validate/terms";
import { isAbsoluteUrl } from "../validate/urls";
import { isPlainObject } from "../validate/walk";
import type { Vocabulary } from "../vocabulary/types";
import { isCurrencyCode } from "./currencies";
import type { ValueFormat } from "./rules";

// Google: digits with "." as the decimal point; no currency symbols or thousands separators.
const PRICE_NUMBER = /^\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;
const EMPLOYMENT_TYPES = new Set([
  "FULL_TIME",
  "PART_TIME",
  "CONTRACTOR",
  "TEMPORARY",
  "INTERN",
  "VOLUNTEER",
  "PER_DIEM",
  "OTHER",
]);

function isMemberOf(vocab: Vocabulary, value: unknown, enumeration: string): boolean {
  if (typeof value !== "string") return false;
  const member = vocab.enumMembers.get(schemaValueName(value).name);
  return member?.types.some((t) => vocab.classes.get(t)?.ancestors.has(enumeration)) ?? false;
}

export function matchesFormat(vocab: Vocabulary, format: ValueFormat, value: unknown): boolean {
  switch (format) {
    case "number":
      return typeof value === "number"
        ? Number.isFinite(value) && value >= 0
        : typeof value === "string" && PRICE_NUMBER.test(value.trim());
    case "integer":
      return typeof value === "number"
        ? Number.isInteger(value) && value >= 0
        : typeof value === "string" && INTEGER.test(value.trim());
    case "currency":
      return isCurrencyCode(value);
    case "absolute-url":
      if (typeof value === "string") return isAbsoluteUrl(value);
      if (isPlainObject(value)) {
        const target = value["@id"] ?? value["url"] ?? value["contentUrl"];
        return typeof target === "string" && isAbsoluteUrl(target);
      }
      return false;
    case "item-availability":
      return isMemberOf(vocab, value, "ItemAvailability");
    case "event-status":
      return isMemberOf(vocab, value, "EventStatusType");
    case "employment-type":
      return typeof value === "string" && EMPLOYMENT_TYPES.has(value);
    default: {
      const exhaustive: never = format;
      return exhaustive;
    }
  }
}

export function describeFormat(format: ValueFormat): string {
  switch (format) {
    case "number":
      return "a number such as 19.99 (digits and '.', no currency symbol or thousands separator)";
    case "integer":
      return "a whole number";
    case "currency":
      return "an ISO 4217 currency code such as USD or EUR";
    case "absolute-url":
      return "an absolute URL";
    case "item-availability":
      return "a schema.org ItemAvailability value such as https://schema.org/InStock";
    case "event-status":
      return "a schema.org EventStatusType value such as https://schema.org/EventScheduled";
    case "employment-type":
      return `one of ${[...EMPLOYMENT_TYPES].join(", ")}`;
    default: {
      const exhaustive: never = format;
      return exhaustive;
    }
  }
}
