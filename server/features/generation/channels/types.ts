import type { z } from "zod";
import type { ChannelIssue, DraftContent, DraftFormat } from "@/lib/schemas/drafts";

/** What a channel module needs to know about the workspace and the request. */
export type ChannelCtx = {
  brief: string;
  workspaceName: string;
  /** e.g. `https://www.northwind.example` (no trailing slash). */
  siteUrl: string | null;
  /** Email footer (CAN-SPAM). */
  postalAddress: string | null;
  senderName: string | null;
  /** Absolute https URL; a per-recipient token placeholder is allowed. */
  unsubscribeUrl: string | null;
  /** SEO: a slug chosen by the caller (unique per workspace); else derived from the title. */
  slug?: string;
};

export type ContentField = { path: string; label: string; text: string };

export type ContentOf<F extends DraftFormat> = Extract<DraftContent, { format: F }>;

export interface ChannelModule<F extends DraftFormat, G> {
  format: F;
  /** What the model fills with structured output; no hard max lengths (validation flags them). */
  generationSchema: z.ZodType<G>;
  /** One paragraph appended to the prompt: counts and limits for this format. */
  instructions: string;
  toContent(g: G, ctx: ChannelCtx): Promise<ContentOf<F>>;
  validate(c: ContentOf<F>, ctx: ChannelCtx): ChannelIssue[];
  /** Every text a style check should see, in reading order (paths like `headlines[2].text`). */
  fields(c: ContentOf<F>): ContentField[];
  /** The same content with each field's text replaced (same order as fields()); re-renders derived parts. */
  withFields(c: ContentOf<F>, texts: string[], ctx: ChannelCtx): Promise<ContentOf<F>>;
  /** A short title for lists (first headline, subject, page title). */
  title(c: ContentOf<F>): string;
}
