"use client";

import { useMemo } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { JsonHighlight } from "@/components/seo/json-highlight";
import { JsonLdReportView } from "@/components/seo/jsonld-report";
import type { DraftJsonLd } from "@/lib/schemas/jsonld";
import { fieldAnchor } from "./field-text";

/**
 * An SEO draft's JSON-LD as published in the page's head, with the validation the pipeline ran
 * on it (schema.org vocabulary and Google's rich-result rules). The "jsonLd" flags link here.
 */
export function StructuredData({ jsonLd, report }: { jsonLd: unknown; report: DraftJsonLd | null | undefined }) {
  const text = useMemo(
    () => (jsonLd === null || jsonLd === undefined ? "" : JSON.stringify(jsonLd, null, 2)),
    [jsonLd],
  );
  return (
    <Card
      id={fieldAnchor("jsonLd")}
      tabIndex={-1}
      className="scroll-mt-6 outline-none"
      data-testid="draft-structured-data"
    >
      <CardHeader>
        <CardTitle>Structured data</CardTitle>
        <CardDescription>
          {report
            ? `The page's schema.org JSON-LD (${report.type}), checked against the schema.org vocabulary and Google's rich-result rules.`
            : "The page's schema.org JSON-LD."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!text ? (
          <p className="text-muted-foreground text-sm">This page has no JSON-LD.</p>
        ) : report ? (
          <JsonLdReportView report={report} sources={[{ text, parsed: true }]} />
        ) : (
          <div className="space-y-3">
            <p className="text-muted-foreground text-sm">
              Not validated: this draft was written before structured data was checked. Regenerate it to validate.
            </p>
            <JsonHighlight text={text} range={null} label="JSON-LD with line numbers" testId="seo-jsonld" />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
