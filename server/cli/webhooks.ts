/**
 * `lectern webhooks listen`: the reference receiver on your machine, to try publishing end to end
 * without a CMS. It verifies every delivery's Standard Webhooks signature with the official
 * library, processes each `webhook-id` once, and prints what arrived.
 */
import { InvalidArgumentError, type Command } from "commander";
import { startReferenceReceiver } from "@/server/features/publishing/receiver/reference-receiver";

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError("Use a port between 1 and 65535.");
  return n;
}

function secret(v: string): string {
  if (!/^whsec_[A-Za-z0-9+/]+=*$/.test(v))
    throw new InvalidArgumentError("Paste the endpoint's signing secret, which starts with whsec_.");
  return v;
}

/** One line per processed event: type, id and the draft or page it is about. */
export function describeEvent(payload: unknown, id: string): string {
  const p = (payload ?? {}) as { type?: unknown; data?: Record<string, unknown> };
  const d = p.data ?? {};
  const about = [
    d.slug ? `/p/${String(d.slug)}` : null,
    d.title ? `“${String(d.title)}”` : null,
    d.draftId ? `draft ${String(d.draftId)}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const claims = Array.isArray(d.claims)
    ? ` · ${d.claims.length} claim${d.claims.length === 1 ? "" : "s"} in the ledger`
    : "";
  return `${new Date().toISOString()}  ${String(p.type ?? "?")}  ${id}${about ? `  ${about}` : ""}${claims}`;
}

export function registerWebhookCommands(program: Command): void {
  const cmd = program.command("webhooks").description("Publishing webhooks");
  cmd
    .command("listen")
    .description(
      "Run the reference receiver: verifies each delivery's signature and prints the events it processes. Add an endpoint with its URL in Publishing → Endpoints (tick “Allow private addresses”), then paste that endpoint's secret here.",
    )
    .requiredOption("--secret <whsec>", "the endpoint's signing secret (whsec_…)", secret)
    .option("--port <port>", "port to listen on (127.0.0.1)", port, 4400)
    .option("--json", "print each event's full JSON payload")
    .action(async (o: { secret: string; port: number; json?: boolean }) => {
      const r = await startReferenceReceiver({
        secret: o.secret,
        port: o.port,
        onEvent: (payload, id) =>
          console.log(o.json ? JSON.stringify({ id, payload }, null, 2) : describeEvent(payload, id)),
      });
      console.log(
        `Listening on ${r.url} — deliveries with a bad signature get 401, repeats of a webhook-id are acknowledged once.`,
      );
      console.log("Press Ctrl+C to stop.");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await r.close();
    });
}
