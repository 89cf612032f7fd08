/** Runs once when a Next.js server starts: refuse to serve on a database that is unreachable or not migrated. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { checkStartup } = await import("./server/startup");
    await checkStartup();
    const [{ env }, { registerTracing }] = await Promise.all([import("./server/env"), import("./server/telemetry")]);
    registerTracing(env().traces, { version: env().version });
    // Background work (knowledge ingest, re-index) runs in the server process; several
    // instances may run it side by side, claims are fenced in the database.
    const { jobRunner } = await import("./server/jobs");
    jobRunner().start();
    // Webhook deliveries have their own worker: many small network-bound sends at once.
    const { deliveryWorker } = await import("./server/features/publishing/delivery/runtime");
    deliveryWorker().start();
    const [{ knowledgeDeps }, { reindexStaleWorkspaces }] = await Promise.all([
      import("./server/features/rag/runtime"),
      import("./server/features/rag/service"),
    ]);
    const { log } = await import("./server/log");
    void reindexStaleWorkspaces(knowledgeDeps()).catch((err: unknown) =>
      log().warn({ err }, "could not check knowledge vectors at start-up"),
    );
  }
}
