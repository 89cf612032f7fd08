import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";
import { v1 } from "./v1-contract";

describe("OpenAPI document", () => {
  const doc = buildOpenApi({ version: "1.2.3", serverUrl: "https://lectern.example.com" });

  it("is OpenAPI 3.1 with bearer API-key security", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("1.2.3");
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every endpoint of the v1 contract with its method, scope and schemas", () => {
    for (const [operationId, e] of Object.entries(v1)) {
      const op = (
        doc.paths?.[e.path] as Record<
          string,
          { operationId?: string; description?: string; responses: Record<string, unknown> }
        >
      )[e.method];
      expect(op?.operationId).toBe(operationId);
      expect(op?.description).toContain(`\`${e.scope}\` scope`);
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining([String(e.status), "401", "403"]));
    }
  });

  it("derives request and response schemas from the zod schemas the routes use", () => {
    const post = (
      doc.paths?.["/api/v1/invitations"] as {
        post: {
          requestBody: {
            content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }>;
          };
        };
      }
    ).post;
    const schema = post.requestBody.content["application/json"]!.schema;
    expect(Object.keys(schema.properties)).toEqual(["email", "role"]);
    expect(schema.properties.role).toMatchObject({ enum: ["marketer", "editor", "admin"] });
    const list = (doc.paths?.["/api/v1/audit-events"] as { get: { parameters: { name: string; in: string }[] } }).get;
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "query:limit",
      "query:cursor",
      "query:action",
      "query:entityType",
      "query:entityId",
      "query:actor",
      "query:from",
      "query:to",
    ]);
  });
});
