import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/server/env";
import { publicOrigin } from "@/server/http/origin";
import { kickDeliveries } from "./delivery/runtime";
import type { EndpointDeps } from "./endpoints";
import type { PublishDeps } from "./publish";
import { revalidatePublishedPage } from "./site/cache";

/** What the endpoint services need in the server: the instance key and the in-process worker. */
export function endpointDeps(): EndpointDeps {
  return { secretKey: env().secretKey, onQueued: kickDeliveries };
}

/** What publishing needs in the server: the public origin, page-cache revalidation, the worker. */
export function publishDeps(req: NextRequest): PublishDeps {
  return { origin: publicOrigin(req), revalidate: revalidatePublishedPage, onQueued: kickDeliveries };
}

export const queueDeps = { onQueued: kickDeliveries };
