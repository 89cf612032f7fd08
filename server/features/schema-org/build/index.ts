/**
 * JSON-LD builders for SEO pages (schema-dts typed) and the use cases around the validator.
 * See README.md for which function to call.
 */
export { buildPageJsonLd, absoluteUrl, type PageJsonLdInput } from "./page";
export { pageFacts, parsePrice, availabilityUrl, normaliseKey, type PageFacts } from "./page-data";
export {
  jsonLdForPage,
  findingFlag,
  rebaseJsonLd,
  validateRequest,
  withRelatedLinks,
  type PageJsonLdResult,
} from "./service";
