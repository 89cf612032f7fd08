import { spawn } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ROOT } from "@/server/testing/databases";
import { generateSecret } from "@/server/features/publishing/signing";

/** `lectern webhooks listen` as a user runs it: a real process, real HTTP, the official library signing. */
describe("lectern webhooks listen", () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const c of children) c.kill("SIGTERM");
  });

  it("verifies signatures, processes each webhook-id once and prints the event", async () => {
    const secret = generateSecret();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "bin", "lectern.mjs"), "webhooks", "listen", "--secret", secret, "--port", String(port)],
      {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: "silent" },
      },
    );
    children.push(child);
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (out += b.toString()));
    await vi.waitFor(() => expect(out).toContain("Listening on"), { timeout: 30_000, interval: 100 });

    const body = JSON.stringify({
      type: "page.published",
      timestamp: new Date().toISOString(),
      data: { draftId: "d1", slug: "rain-jackets", claims: [{ sentence: "x", supported: true, sources: [] }] },
    });
    const id = "msg_cli_test_1";
    const ts = new Date();
    const signature = new Webhook(secret).sign(id, ts, body);
    const send = (sig: string) =>
      fetch(`http://127.0.0.1:${port}/webhooks/lectern`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(ts.getTime() / 1000)),
          "webhook-signature": sig,
        },
        body,
      });
    expect((await send(signature)).status).toBe(200);
    expect((await send(signature)).status).toBe(200); // a retry: acknowledged, not processed again
    expect((await send(`v1,${Buffer.alloc(32).toString("base64")}`)).status).toBe(401);
    await vi.waitFor(
      () => expect(out).toContain("page.published  msg_cli_test_1  /p/rain-jackets · draft d1 · 1 claim in the ledger"),
      {
        timeout: 10_000,
      },
    );
    expect(out.match(/msg_cli_test_1/g)).toHaveLength(1);
  }, 60_000);

  it("refuses a secret that is not a whsec_ secret", async () => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "bin", "lectern.mjs"), "webhooks", "listen", "--secret", "hunter2"],
      { cwd: ROOT },
    );
    children.push(child);
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    expect(code).not.toBe(0);
    expect(err).toContain("starts with whsec_");
  }, 60_000);
});
