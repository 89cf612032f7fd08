import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { hasRole, type Role } from "@/lib/schemas/roles";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";
import type { WorkspaceCtx } from "@/server/context";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { getSessionContext } from "@/server/auth/context";
import { authenticateApiKey } from "@/server/features/api-keys/service";
import { readJsonBody } from "./body";
import { errorBody, fromDatabaseError, internalError, validationError } from "./errors";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
  R extends Schema | undefined,
> = {
  /**
   * session: signed-in user acting in their active workspace (ctx.ws).
   * user: signed-in user, no workspace needed (ctx.user).
   * api_key: `Authorization: Bearer lk_…`, acting in the key's workspace (ctx.ws).
   * public: nobody.
   */
  auth: "session" | "user" | "api_key" | "public";
  /** Minimum workspace role for session routes. */
  role?: Role;
  /** Required scope for API-key routes. */
  scope?: ApiKeyScope;
  body?: B;
  query?: Q;
  params?: P;
  response?: R;
  /** Success status; 204 sends no body. */
  status?: number;
  /** Body size limit for this route, when it takes more than MAX_BODY_BYTES (e.g. pasted pages). */
  maxBodyBytes?: number;
};

export type RouteCtx<B, Q, P, Auth extends string> = {
  req: NextRequest;
  requestId: string;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
} & (Auth extends "public" ? { ws?: undefined } : Auth extends "user" ? { user: SessionUser } : { ws: WorkspaceCtx });

type SessionUser = { id: string; email: string; name: string };

type Handler<B, Q, P, R, A extends string> = (
  ctx: RouteCtx<B, Q, P, A>,
) => Promise<R extends z.ZodType ? z.input<R> : unknown> | (R extends z.ZodType ? z.input<R> : unknown);

/**
 * The one wrapper every route handler goes through: request id, access check
 * (session + role, or API key + scope), JSON body with a size limit, zod
 * validation of body/query/params, response-schema check, and typed errors
 * rendered as `{ error: { code, message } }` with the right status. Handlers
 * stay one line: parse nothing, check nothing, call a service.
 */
export function withRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  A extends RouteSpec<B, Q, P, R>["auth"] = RouteSpec<B, Q, P, R>["auth"],
>(spec: RouteSpec<B, Q, P, R> & { auth: A }, handler: Handler<B, Q, P, R, A>) {
  return async (req: NextRequest, routeCtx: { params: Promise<Record<string, string | string[]>> }) => {
    const requestId = requestIdFrom(req.headers);
    const started = performance.now();
    const logger = log().child({ requestId, method: req.method, path: req.nextUrl.pathname });
    let status = 500;
    let who: Record<string, string> = {};
    try {
      const { ws, user } = await authenticate(spec, req, requestId);
      if (ws)
        who =
          ws.actor.type === "api_key"
            ? { apiKeyId: ws.actor.id }
            : { userId: ws.actor.id ?? "", workspaceId: ws.workspaceId };
      if (user) who = { userId: user.id };

      const params = parse(spec.params, await routeCtx.params, "path");
      const query = parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = spec.body
        ? parse(spec.body, await readJsonBody(req, spec.maxBodyBytes ?? env().maxBodyBytes), "body")
        : undefined;

      const result = await handler({ req, requestId, body, query, params, ws, user } as unknown as RouteCtx<
        B,
        Q,
        P,
        A
      >);
      // Streams and other prepared responses pass through untouched.
      if (result instanceof Response) {
        status = result.status;
        result.headers.set(REQUEST_ID_HEADER, requestId);
        return result;
      }
      status = spec.status ?? 200;
      if (status === 204) return withId(new NextResponse(null, { status }), requestId);
      let payload: unknown = result;
      if (spec.response) {
        const checked = spec.response.safeParse(result);
        if (!checked.success) {
          logger.error({ issues: checked.error.issues }, "response failed its schema");
          throw internalError();
        }
        payload = checked.data;
      }
      return withId(NextResponse.json(payload, { status }), requestId);
    } catch (e) {
      const err = isAppError(e) ? e : (fromDatabaseError(e) ?? internalError());
      status = err.status;
      if (!isAppError(e) && err.kind === "internal") logger.error({ err: e }, "unhandled error");
      return withId(NextResponse.json(errorBody(err, requestId), { status, headers: err.headers }), requestId);
    } finally {
      logger.info({ status, ms: Math.round(performance.now() - started), ...who }, "request");
    }
  };
}

function unauthenticated() {
  return new AppError("unauthorized:session", "You are not signed in, or your session has expired. Sign in again.");
}

function parse<S extends Schema | undefined>(schema: S, input: unknown, where: "body" | "query" | "path"): Out<S> {
  if (!schema) return undefined as Out<S>;
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(where, r.error);
  return r.data as Out<S>;
}

function withId(res: NextResponse, requestId: string): NextResponse {
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

async function authenticate(
  spec: RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined>,
  req: NextRequest,
  requestId: string,
): Promise<{ ws?: WorkspaceCtx; user?: SessionUser }> {
  switch (spec.auth) {
    case "public":
      return {};
    case "user": {
      const s = await getSessionContext();
      if (!s) throw unauthenticated();
      return { user: s.user };
    }
    case "session": {
      const s = await getSessionContext();
      if (!s) throw unauthenticated();
      if (!s.active)
        throw new AppError(
          "forbidden:no_workspace",
          "You are not a member of any workspace. Ask an admin for an invitation.",
        );
      if (spec.role && !hasRole(s.active.role, spec.role)) {
        throw new AppError(
          `forbidden:${spec.role}`,
          `This action needs the ${spec.role} role; your role in ${s.active.name} is ${s.active.role}.`,
        );
      }
      return {
        ws: {
          db: db(),
          actor: { type: "user", id: s.user.id, label: s.user.email },
          workspaceId: s.active.id,
          role: s.active.role,
          requestId,
        },
      };
    }
    case "api_key": {
      const header = req.headers.get("authorization") ?? "";
      const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
      const p = await authenticateApiKey(db(), key);
      if (spec.scope && !p.scopes.includes(spec.scope)) {
        throw new AppError(
          `forbidden:scope_${spec.scope}`,
          `This API key lacks the "${spec.scope}" scope. An admin can create a key with it in Settings → API.`,
        );
      }
      // API keys are created by admins; the scope, not a role, limits what they do.
      return {
        ws: {
          db: db(),
          actor: { type: "api_key", id: p.keyId, label: p.name },
          workspaceId: p.workspaceId,
          role: "admin",
          requestId,
        },
      };
    }
    default: {
      const _exhaustive: never = spec.auth;
      throw new Error(`unknown auth mode ${String(_exhaustive)}`);
    }
  }
}
