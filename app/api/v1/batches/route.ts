import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { createBatch } from "@/server/features/generation/batch";
import { batchDeps } from "@/server/features/generation/runtime";

export const POST = withRoute(v1Route(v1.createBatch), ({ ws, body }) =>
  createBatch(
    batchDeps(),
    ws,
    { name: body.fileName, bytes: new TextEncoder().encode(body.csv) },
    { template: body.template, mapping: body.mapping, campaignId: body.campaignId },
  ),
);
