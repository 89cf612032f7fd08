/**
 * Every channel limit as data, one table per channel. Each number says where it comes from;
 * the values are the ones in SPEC.md, section "Channels". Validation reads these tables, the
 * generation schemas and instructions quote them, so a change here changes all three.
 */

import { SLUG_MAX } from "@/lib/slug";

/** Google Ads responsive search ads (SPEC.md › Channels › Google Ads responsive search ad). */
export const GOOGLE_RSA_LIMITS = {
  /** 3–15 headlines per ad. Source: SPEC.md; Google Ads Help "About responsive search ads". */
  headlineCount: { min: 3, max: 15 },
  /** Headline length, display width (double-width characters count 2). Source: SPEC.md; Google Ads Help "Ad format character limits". */
  headlineWidth: 30,
  /** 2–4 descriptions per ad. Source: SPEC.md; Google Ads Help "About responsive search ads". */
  descriptionCount: { min: 2, max: 4 },
  /** Description length, display width. Source: SPEC.md; Google Ads Help "Ad format character limits". */
  descriptionWidth: 90,
  /** Display path 1 and 2 length, display width. Source: SPEC.md; Google Ads Help "About display URL paths". */
  pathWidth: 15,
  /** Headline pin positions 1–3. Source: SPEC.md (pinning). */
  headlinePin: { min: 1, max: 3 },
  /** Description pin positions 1–2. Source: SPEC.md (pinning). */
  descriptionPin: { min: 1, max: 2 },
  /** At most 3 enabled RSAs per ad group. Source: SPEC.md (informational; checked where ad groups are assembled). */
  enabledAdsPerAdGroup: 3,
  /** Headlines this similar (0–1, similarity.ts) count as near-duplicates. Source: Lectern heuristic for SPEC.md "should not repeat each other". */
  nearDuplicateThreshold: 0.8,
  /** What the model is asked for (more unique headlines help ad strength). Source: Lectern generation brief, within Google's 3–15 / 2–4. */
  aim: { headlines: { min: 8, max: 15 }, descriptions: { min: 2, max: 4 } },
} as const;

/** Meta ads: guidance, so over-length is a warning (SPEC.md › Channels › Meta ads). */
export const META_AD_LIMITS = {
  /** Characters of primary text visible in feed before "… See more". Source: SPEC.md; Meta Ads Guide. */
  primaryTextVisible: 125,
  /** Hard maximum for primary text. Source: SPEC.md; Meta Ads Guide. */
  primaryTextMax: 2_200,
  /** Recommended headline length. Source: SPEC.md; Meta Ads Guide. */
  headlineRecommended: 40,
  /** Recommended link description length. Source: SPEC.md; Meta Ads Guide. */
  descriptionRecommended: 30,
  /** Up to 5 variants per text field (multiple text options). Source: SPEC.md; Meta Ads Guide. */
  variantCount: { min: 1, max: 5 },
} as const;

/** Email (SPEC.md › Channels › Email). */
export const EMAIL_LIMITS = {
  /** Subject length warning above this. Source: SPEC.md (no standard; configurable default ≤ 60). */
  subjectMax: 60,
  /** Preheader length warning outside this range. Source: SPEC.md (no standard; configurable default 40–130). */
  preheader: { min: 40, max: 130 },
  /** Body paragraphs the model is asked for. Source: Lectern generation brief. */
  aimParagraphs: { min: 2, max: 5 },
  /** Gmail clips messages whose HTML exceeds ~102 KB ("[Message clipped]"), hiding the footer. Source: Gmail behaviour, widely documented by ESPs. */
  htmlClipBytes: 102 * 1024,
  /** Value of the one-click unsubscribe header. Source: SPEC.md; RFC 8058 §3.1. */
  listUnsubscribePost: "List-Unsubscribe=One-Click",
} as const;

/** SEO pages (SPEC.md › Channels › SEO page). */
export const SEO_PAGE_LIMITS = {
  /** `<title>` length warning above this. Source: SPEC.md. */
  titleMax: 60,
  /** Meta description length warning outside this range. Source: SPEC.md. */
  metaDescription: { min: 70, max: 160 },
  /** Slug length (slugify cuts here; longer caller-chosen slugs are a warning). Source: Lectern slug rule. */
  slugMax: SLUG_MAX,
  /** Slug shape: lower-case ASCII words joined by single hyphens. Source: Lectern slug rule (SPEC.md "unique slug"). */
  slugPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** Sections (h2) and FAQ items the model is asked for. Source: Lectern generation brief. */
  aimSections: { min: 2, max: 6 },
  aimFaq: { min: 0, max: 5 },
  /** Sitemap file limits (for the sitemap writer). Source: SPEC.md; sitemaps.org protocol. */
  sitemapMaxUrls: 50_000,
  sitemapMaxBytes: 50 * 1024 * 1024,
} as const;
