import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { StreamBody } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { inference } from "@/server/inference";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

/**
 * Streams a generation to the studio as an AI SDK UI message stream. Refusals
 * (budgets, rate limits, a broken route) answer before the stream starts, as
 * JSON errors; the route that served the text arrives as a `data-route` part.
 */
export const POST = withRoute(
  { auth: "session", role: "marketer", body: StreamBody },
  async ({ ws, body, req, requestId }) => {
    const s = await inference().gateway.stream({
      ctx: { workspaceId: ws.workspaceId, userId: ws.actor.id, userLabel: ws.actor.label, requestId },
      role: body.role,
      prompt: body.prompt,
      maxOutputTokens: body.maxOutputTokens,
      signal: req.signal,
    });
    const stream = createUIMessageStream({
      execute: async ({ writer }) => {
        writer.write({ type: "data-route", data: { ...s.route, prompt: s.prompt } });
        writer.write({ type: "text-start", id: "t" });
        for await (const delta of s.textStream) writer.write({ type: "text-delta", id: "t", delta });
        writer.write({ type: "text-end", id: "t" });
      },
      onError: (e) => {
        log().error({ err: e, requestId }, "stream failed after it started");
        return "The model stopped in the middle of its answer. The partial text was kept; try again.";
      },
    });
    return createUIMessageStreamResponse({ stream });
  },
);
