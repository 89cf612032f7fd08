import { CreateDraftBody, DraftDetail, DraftListQuery, DraftPage, type DraftProgressEvent } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { errorEvent } from "@/server/http/errors";
import { checkDraftRequest, createDraft, draftPage } from "@/server/features/generation/service";
import { pipelineDeps } from "@/server/features/generation/runtime";

export const GET = withRoute(
  { auth: "session", role: "marketer", query: DraftListQuery, response: DraftPage },
  ({ ws, query }) => draftPage(ws, query),
);

/**
 * Runs the pipeline. With `Accept: application/x-ndjson` the answer is a stream of progress
 * events (one JSON object a line: each step as it finishes, then the draft or an error);
 * otherwise it is the draft as JSON (201).
 */
export const POST = withRoute(
  { auth: "session", role: "marketer", body: CreateDraftBody, status: 201 },
  async ({ ws, body, req, requestId }) => {
    if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson"))
      return DraftDetail.parse(await createDraft(pipelineDeps(), ws, body));
    // Refusals (a blocked segment, a taken slug) are plain 4xx answers, before the stream starts.
    await checkDraftRequest(ws, body);
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (e: DraftProgressEvent) => controller.enqueue(enc.encode(`${JSON.stringify(e)}\n`));
        try {
          const draft = await createDraft(pipelineDeps(), ws, body, (step) => send({ type: "step", step }));
          send({ type: "draft", draft });
        } catch (e) {
          send({ type: "error", error: errorEvent(e, requestId) });
        } finally {
          controller.close();
        }
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  },
);
