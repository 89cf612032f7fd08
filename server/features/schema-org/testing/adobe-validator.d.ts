/**
 * Types for the parts of @adobe/structured-data-validator the tests use as a cross-check oracle
 * (the package ships JavaScript only).
 */
declare module "@adobe/structured-data-validator" {
  export type AdobeIssue = {
    issueMessage: string;
    severity: "ERROR" | "WARNING";
    path?: { type?: string | string[]; property?: string; index?: number }[];
    fieldNames?: string[];
    rootType?: string;
  };
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    validate(data: { jsonld?: Record<string, unknown[]> }): Promise<AdobeIssue[]>;
  }
}
