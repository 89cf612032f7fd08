import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { v1, type V1Endpoint } from "./v1-contract";

// Adds .openapi() to zod, which the registry uses for named components.
extendZodWithOpenApi(z);

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

/** Builds the OpenAPI 3.1 document from the same zod schemas the routes validate with. */
export function buildOpenApi(info: { version: string; serverUrl?: string }) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "A workspace API key (`lk_…`), created by an admin in Settings → API. Scopes: read, write.",
  });
  const error = registry.register("Error", ErrorBody);
  const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: error } } });

  for (const [operationId, e] of Object.entries(v1) as [string, V1Endpoint][]) {
    registry.registerPath({
      operationId,
      method: e.method,
      path: e.path,
      summary: e.summary,
      tags: [e.tag],
      security: [{ [bearer.name]: [] }],
      description: `Requires the \`${e.scope}\` scope.`,
      request: {
        ...(e.query ? { query: e.query } : {}),
        ...(e.params ? { params: e.params } : {}),
        ...(e.body ? { body: { required: true, content: { "application/json": { schema: e.body } } } } : {}),
      },
      responses: {
        [e.status]: e.response
          ? { description: "Success", content: { "application/json": { schema: e.response } } }
          : { description: "Success" },
        400: errorResponse("Malformed request"),
        401: errorResponse("Missing, malformed or revoked API key"),
        403: errorResponse("The key lacks the required scope"),
        ...(e.body
          ? {
              413: errorResponse("Body too large"),
              415: errorResponse("Body is not JSON"),
              422: errorResponse("Body failed validation"),
            }
          : {}),
      },
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Lectern API",
      version: info.version,
      description: "Automation and CMS integration API for a Lectern workspace.",
    },
    servers: info.serverUrl ? [{ url: info.serverUrl }] : [],
  });
}
