/** Google checks that the rule data cannot express (ordering, cross-property conditions). */
import { getProp, isPresent, isTyped, valuesOf, type Located } from "./access";
import type { RuleContext } from "./context";
import { ruleLabel } from "./context";
import type { CustomCheck } from "./rules";
import { keyPath } from "../paths";
import { isAbsoluteUrl } from "../validate/urls";
import { isPlainObject } from "../validate/walk";

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^[+-]?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function first(ctx: RuleContext, name: string): Located | undefined {
  return valuesOf(ctx.graph, ctx.at, name)[0];
}

/** ratingValue within worstRating…bestRating (defaults 1…5), and bestRating above worstRating. */
function ratingRange(ctx: RuleContext): void {
  const value = first(ctx, "ratingValue");
  const best = first(ctx, "bestRating");
  const worst = first(ctx, "worstRating");
  const bestN = best ? toNumber(best.value) : undefined;
  const worstN = worst ? toNumber(worst.value) : undefined;
  if (bestN !== undefined && worstN !== undefined && bestN <= worstN && best) {
    ctx.report(
      "bestRating.range",
      "error",
      best,
      `bestRating (${bestN}) must be greater than worstRating (${worstN})`,
      "schema:bestRating",
    );
    return;
  }
  const v = value ? toNumber(value.value) : undefined;
  if (value && v !== undefined) {
    const hi = bestN ?? 5;
    const lo = worstN ?? 1;
    if (v < lo || v > hi) {
      const bounds = `${worstN === undefined ? "worstRating defaults to 1" : `worstRating ${lo}`}, ${bestN === undefined ? "bestRating defaults to 5" : `bestRating ${hi}`}`;
      ctx.report(
        "ratingValue.range",
        "error",
        value,
        `ratingValue ${v} is outside the rating scale (${bounds})`,
        "schema:ratingValue",
      );
    }
  }
}

/** A review or rating that is not nested in the item it rates must name that item. */
function itemReviewedWhenTopLevel(ctx: RuleContext): void {
  if (!ctx.record.topLevel) return;
  if (valuesOf(ctx.graph, ctx.at, "itemReviewed").length > 0) return;
  ctx.report(
    "itemReviewed",
    "error",
    ctx.at,
    `A top-level ${ctx.record.types[0] ?? ruleLabel(ctx.rule)} needs itemReviewed (the product, business, … it rates)`,
    "schema:itemReviewed",
  );
}

function itemUrl(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isPlainObject(value)) {
    const id = value["@id"] ?? getProp(value, "url")?.value;
    if (typeof id === "string") return id;
  }
  return undefined;
}

/** ListItems with integer positions 1…n, a name, and an item URL (the last item may omit it). */
function breadcrumbItems(ctx: RuleContext): void {
  const items = valuesOf(ctx.graph, ctx.at, "itemListElement");
  if (items.length === 0) return; // the required-property check reports it
  const positions: { pos: number; item: Located }[] = [];
  const valid: Located[] = [];
  for (const item of items) {
    if (item.opaque) continue;
    if (!isPlainObject(item.value) || !isTyped(ctx.graph, item.value, ["ListItem"])) {
      ctx.report(
        "itemListElement.type",
        "error",
        item,
        "Each breadcrumb itemListElement must be a ListItem node",
        "schema:ListItem",
      );
      continue;
    }
    valid.push(item);
    const position = first({ ...ctx, at: item }, "position");
    if (!position) {
      ctx.report(
        "position",
        "error",
        item,
        "ListItem needs an integer position (1 for the first crumb)",
        "schema:position",
      );
    } else {
      const n = toNumber(position.value);
      if (n === undefined || !Number.isInteger(n) || n < 1) {
        ctx.report(
          "position.invalid",
          "error",
          position,
          `position must be an integer from 1, got ${JSON.stringify(position.value)}`,
          "schema:position",
        );
      } else {
        positions.push({ pos: n, item });
      }
    }
  }
  // The last crumb (highest position, or the last entry when positions are unusable) may omit `item`.
  let last: Located | undefined = valid[valid.length - 1];
  if (positions.length === valid.length && positions.length > 0) {
    last = positions.reduce((a, b) => (b.pos > a.pos ? b : a)).item;
  }
  for (const item of valid) {
    const sub = { ...ctx, at: item };
    const target = first(sub, "item");
    const named =
      isPresent(getProp(item.value as Record<string, unknown>, "name")?.value) ||
      (target !== undefined && isPlainObject(target.value) && isPresent(getProp(target.value, "name")?.value));
    if (!named) ctx.report("name", "error", item, "ListItem needs a name (the crumb's label)", "schema:name");
    if (!target) {
      if (item !== last)
        ctx.report(
          "item",
          "error",
          item,
          "ListItem needs item (the crumb's URL); only the last crumb may omit it",
          "schema:item",
        );
      continue;
    }
    const url = itemUrl(target.value);
    if (target.opaque || url === undefined) {
      if (url === undefined && !target.opaque) {
        ctx.report("item.invalid", "error", target, "item must be a URL or a node with @id/url", "schema:item");
      }
      continue;
    }
    if (!isAbsoluteUrl(url))
      ctx.report(
        "item.invalid",
        "error",
        target,
        `item must be an absolute URL, got ${JSON.stringify(url)}`,
        "schema:item",
      );
  }
  if (positions.length > 0) {
    const sorted = positions.map((p) => p.pos).sort((a, b) => a - b);
    const consecutive = sorted.every((p, i) => p === i + 1);
    if (!consecutive) {
      const found = isPlainObject(ctx.at.value) ? getProp(ctx.at.value, "itemListElement") : undefined;
      const where = found ? { ...ctx.at, path: keyPath(ctx.at.path, found.key) } : ctx.at;
      ctx.report(
        "position-sequence",
        "error",
        where,
        `Breadcrumb positions must start at 1 and be consecutive, got ${sorted.join(", ")}`,
        "schema:position",
      );
    }
  }
}

/** jobLocation, unless the job is remote (jobLocationType TELECOMMUTE) with applicant locations. */
function jobLocation(ctx: RuleContext): void {
  if (valuesOf(ctx.graph, ctx.at, "jobLocation").length > 0) return;
  const remote = valuesOf(ctx.graph, ctx.at, "jobLocationType").some((v) => v.value === "TELECOMMUTE");
  const applicants = valuesOf(ctx.graph, ctx.at, "applicantLocationRequirements").length > 0;
  if (remote && !applicants) {
    ctx.report(
      "applicantLocationRequirements",
      "error",
      ctx.at,
      "Remote jobs (jobLocationType TELECOMMUTE) need applicantLocationRequirements (the countries or regions applicants may live in)",
      "schema:applicantLocationRequirements",
    );
  } else if (!remote && !applicants) {
    ctx.report(
      "jobLocation",
      "error",
      ctx.at,
      "JobPosting needs jobLocation (a Place with an address), or jobLocationType TELECOMMUTE with applicantLocationRequirements for remote jobs",
      "schema:jobLocation",
    );
  }
}

function faqRetired(ctx: RuleContext): void {
  ctx.report(
    "retired",
    "info",
    ctx.at,
    "Google retired FAQ rich results on 2026-05-07: this FAQPage is validated as schema.org only and will not be shown as a rich result",
    "schema:FAQPage",
  );
}

export const CUSTOM_CHECKS: Record<CustomCheck, (ctx: RuleContext) => void> = {
  "rating-range": ratingRange,
  "item-reviewed-when-top-level": itemReviewedWhenTopLevel,
  "breadcrumb-items": breadcrumbItems,
  "job-location": jobLocation,
  "faq-retired": faqRetired,
};
