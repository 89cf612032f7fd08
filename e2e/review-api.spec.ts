import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { USERS, expectApiError, signIn, unique } from "./fixtures";

type ReviewState = { status: string; version: number; allowedActions: string[] };
type QueuePage = { items: { id: string; version: number }[]; total: number; nextCursor: string | null };
type Draft = { id: string; status: string; version: number };

async function keyContext(baseURL: string | undefined, key: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
}

/**
 * A team reviewing from its own tools: the queue, a draft's review state, decisions with the
 * version check, and comments, all through API v1 with a key.
 */
test("API v1: list the queue, fetch the review state, decide with the version check, comment", async ({
  page,
  baseURL,
}) => {
  await signIn(page, USERS.admin);
  const created = await page.request.post("/api/api-keys", {
    data: { name: `Review bot ${unique()}`, scopes: ["read", "write"] },
  });
  expect(created.status()).toBe(201);
  const readOnly = await page.request.post("/api/api-keys", {
    data: { name: `Review reader ${unique()}`, scopes: ["read"] },
  });
  const api = await keyContext(baseURL, ((await created.json()) as { key: string }).key);
  const reader = await keyContext(baseURL, ((await readOnly.json()) as { key: string }).key);
  try {
    const made = await api.post("/api/v1/drafts", {
      data: { format: "email", brief: `Email about the Stormline jacket for rainy hikes ${unique()}` },
    });
    expect(made.status()).toBe(201);
    const draft = (await made.json()) as Draft;
    if (draft.status === "approved") {
      // The brand policy approved it automatically; send it back to review to work on it.
      const reopen = await api.post(`/api/v1/drafts/${draft.id}/decision`, {
        data: { action: "archive", version: draft.version },
      });
      expect(reopen.status()).toBe(200);
      for (const action of ["reopen", "submit"]) {
        const s = (await (await api.get(`/api/v1/drafts/${draft.id}/review`)).json()) as ReviewState;
        expect(
          (await api.post(`/api/v1/drafts/${draft.id}/decision`, { data: { action, version: s.version } })).status(),
        ).toBe(200);
      }
    }

    let state = (await (await api.get(`/api/v1/drafts/${draft.id}/review`)).json()) as ReviewState;
    expect(state.status).toBe("in_review");
    expect(state.allowedActions).toEqual(expect.arrayContaining(["approve", "request_changes", "reject"]));

    // The queue holds it, with its version; pages follow cursors.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await api.get(
        `/api/v1/review/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.status()).toBe(200);
      const q = (await res.json()) as QueuePage;
      for (const i of q.items) seen.add(i.id);
      cursor = q.nextCursor;
    } while (cursor);
    expect(seen.has(draft.id)).toBe(true);
    await expectApiError(await api.get("/api/v1/review/queue?flagKind=nonsense"), 422, "validation");

    // Bad decisions change nothing.
    await expectApiError(
      await api.post(`/api/v1/drafts/${draft.id}/decision`, {
        data: { action: "approve", version: state.version + 5 },
      }),
      409,
      "conflict:stale_version",
    );
    const noReason = await expectApiError(
      await api.post(`/api/v1/drafts/${draft.id}/decision`, {
        data: { action: "reject", version: state.version, reason: "" },
      }),
      422,
      "validation",
    );
    expect(JSON.stringify(noReason.error)).toContain("Say why the draft is rejected");
    await expectApiError(
      await reader.post(`/api/v1/drafts/${draft.id}/decision`, { data: { action: "approve", version: state.version } }),
      403,
      "forbidden:scope_write",
    );

    // A comment is text, HTML included.
    const comment = await api.post(`/api/v1/drafts/${draft.id}/comments`, {
      data: { body: "<b>Bold</b> claim needs a source @editor" },
    });
    expect(comment.status()).toBe(201);
    expect(((await comment.json()) as { body: string; mentions: { name: string }[] }).mentions).toEqual([
      expect.objectContaining({ name: USERS.editor.name }),
    ]);
    const comments = (await (await api.get(`/api/v1/drafts/${draft.id}/comments`)).json()) as {
      items: { body: string }[];
    };
    expect(comments.items.at(-1)!.body).toBe("<b>Bold</b> claim needs a source @editor");

    const decided = await api.post(`/api/v1/drafts/${draft.id}/decision`, {
      data: { action: "request_changes", version: state.version, reason: "Cite the waterproof rating" },
    });
    expect(decided.status()).toBe(200);
    expect(await decided.json()).toMatchObject({ status: "changes_requested", version: state.version + 1 });
    await expectApiError(
      await api.post(`/api/v1/drafts/${draft.id}/decision`, {
        data: { action: "approve", version: state.version + 1 },
      }),
      409,
      "conflict:state",
    );
    state = (await (await api.get(`/api/v1/drafts/${draft.id}/review`)).json()) as ReviewState;
    expect(state).toMatchObject({ status: "changes_requested", version: state.version });
  } finally {
    await api.dispose();
    await reader.dispose();
  }
});
