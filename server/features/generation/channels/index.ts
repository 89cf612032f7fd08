/**
 * Channel modules of the generation pipeline: per draft format, the schema the model fills, the
 * prompt instructions, normalisation into stored content, validation against the channel's
 * limits (limits.ts), the texts a style check sees, and exports. See README.md.
 */
import type { ChannelIssue, DraftContent, DraftFormat } from "@/lib/schemas/drafts";
import { emailModule } from "./email";
import { googleRsaModule } from "./google-rsa";
import { metaAdModule } from "./meta-ad";
import { seoPageModule } from "./seo-page";
import type { ChannelCtx, ChannelModule, ContentField } from "./types";

export type { ChannelCtx, ChannelModule, ContentField, ContentOf } from "./types";

export const CHANNEL_MODULES: { [F in DraftFormat]: ChannelModule<F, unknown> } = {
  google_rsa: googleRsaModule,
  meta_ad: metaAdModule,
  email: emailModule,
  seo_page: seoPageModule,
};

export function channelModule<F extends DraftFormat>(f: F): ChannelModule<F, unknown> {
  const mod = CHANNEL_MODULES[f];
  if (!mod) throw new Error(`Unknown draft format: ${String(f)}`);
  return mod;
}

// Dispatch on stored content (the format is in the content), without casts at the call site.
type AnyModule = ChannelModule<DraftFormat, unknown> & {
  validate(c: DraftContent, ctx: ChannelCtx): ChannelIssue[];
  fields(c: DraftContent): ContentField[];
  withFields(c: DraftContent, texts: string[], ctx: ChannelCtx): Promise<DraftContent>;
  title(c: DraftContent): string;
};
const moduleFor = (c: DraftContent) => channelModule(c.format) as unknown as AnyModule;

export function validateContent(c: DraftContent, ctx: ChannelCtx): ChannelIssue[] {
  return moduleFor(c).validate(c, ctx);
}
export function contentFields(c: DraftContent): ContentField[] {
  return moduleFor(c).fields(c);
}
export async function withContentFields<C extends DraftContent>(c: C, texts: string[], ctx: ChannelCtx): Promise<C> {
  return (await moduleFor(c).withFields(c, texts, ctx)) as C;
}
export function contentTitle(c: DraftContent): string {
  return moduleFor(c).title(c);
}

export { EMAIL_LIMITS, GOOGLE_RSA_LIMITS, META_AD_LIMITS, SEO_PAGE_LIMITS } from "./limits";
export { charLength, displayLength, hasWideChars } from "./width";
export {
  nearDuplicates,
  normalisedWords,
  prepare,
  similarity,
  similarityOf,
  type NearDuplicate,
  type Prepared,
} from "./similarity";
export { slugify } from "./slug";
export { safeCell } from "./csv-safe";
export { googleRsaModule, googleRsaGenerationSchema, validateGoogleRsa, type GoogleRsaGeneration } from "./google-rsa";
export {
  GOOGLE_ADS_EDITOR_COLUMNS,
  RSA_AD_TYPE,
  adsJson,
  googleAdsEditorCsv,
  type GoogleAdsEditorRow,
} from "./google-rsa-export";
export { metaAdModule, metaAdGenerationSchema, validateMetaAd, type MetaAdGeneration } from "./meta-ad";
export {
  emailModule,
  emailGenerationSchema,
  emailHeaders,
  emailText,
  renderEmail,
  validateEmail,
  validateEmailWith,
  type EmailGeneration,
  type EmailLimits,
} from "./email";
export { emailEml, emailExport, encodeHeaderText, type EmailExport, type EmailExportOptions } from "./email-export";
export {
  canonicalFor,
  seoPageModule,
  seoPageGenerationSchema,
  validateSeoPage,
  type SeoPageGeneration,
} from "./seo-page";
export { escapeHtml, jsonLdScriptText, renderSeoHtml, type SeoHtmlOptions } from "./seo-html";
