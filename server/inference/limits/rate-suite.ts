/** Rate-limit behaviour shared by the memory and Redis suites (not a test file itself). */
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "./errors";
import type { Limits } from "./limits";
import type { RateLimit } from "./types";

export const wsRate = (rpm: number | null, tpm: number | null): RateLimit => ({
  workspaceId: "ws-northwind",
  label: "Northwind Outdoor",
  rpm,
  tpm,
});

export const userRate = (rpm: number | null, tpm: number | null): RateLimit => ({
  workspaceId: "ws-northwind",
  userId: "user-ada",
  label: "Ada Lovelace",
  rpm,
  tpm,
});

export function defineRateSuite(name: string, make: () => Limits, opts: { skip?: () => boolean } = {}) {
  describe.skipIf(opts.skip?.() ?? false)(name, () => {
    it("requests per minute: the N+1th call is refused with retryAfterMs > 0", async () => {
      const limits = make();
      const limitsList = [wsRate(5, null)];
      for (let i = 0; i < 5; i++) expect((await limits.checkRate({ limits: limitsList, tokens: 100 })).ok).toBe(true);
      const r = await limits.checkRate({ limits: limitsList, tokens: 100 });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBeInstanceOf(RateLimitedError);
      expect(r.error).toMatchObject({ code: "rate_limited", kind: "rpm", scope: "workspace", max: 5, retryable: true });
      expect(r.error.retryAfterMs).toBeGreaterThan(0);
      expect(r.error.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(r.error.message).toMatch(
        /^Requests-per-minute limit for workspace Northwind Outdoor reached \(5 per minute\)\. Retry in \d+ s or raise the limit in Settings → Models\.$/,
      );
    });

    it("100 simultaneous calls against rpm 10: exactly 10 pass", async () => {
      const limits = make();
      const results = await Promise.all(
        Array.from({ length: 100 }, () => limits.checkRate({ limits: [wsRate(10, null)], tokens: 1 })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(10);
    });

    it("tokens per minute: consumes the estimate; the call that would pass the limit is refused", async () => {
      const limits = make();
      const l = [wsRate(null, 10_000)];
      expect((await limits.checkRate({ limits: l, tokens: 4_000 })).ok).toBe(true);
      expect((await limits.checkRate({ limits: l, tokens: 4_000 })).ok).toBe(true);
      const r = await limits.checkRate({ limits: l, tokens: 4_000 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe("tpm");
        expect(r.error.retryAfterMs).toBeGreaterThan(0);
      }
      // The refused call's 4,000 were given back: 2,000 still fit.
      expect((await limits.checkRate({ limits: l, tokens: 2_000 })).ok).toBe(true);
    });

    it("adjustRate gives back unused estimate and charges overruns", async () => {
      const limits = make();
      const l = [wsRate(null, 10_000)];
      const a = await limits.checkRate({ limits: l, tokens: 8_000 });
      expect(a.ok).toBe(true);
      if (!a.ok) return;
      await limits.adjustRate(a.ticket, 3_000);
      expect((await limits.checkRate({ limits: l, tokens: 7_000 })).ok).toBe(true);
      const b = await limits.checkRate({ limits: l, tokens: 1 });
      expect(b.ok).toBe(false);

      // Overrun: 1,000 estimated, 15,000 used (a separate key: the user's limit).
      const u = [userRate(null, 20_000)];
      const c = await limits.checkRate({ limits: u, tokens: 1_000 });
      if (c.ok) await limits.adjustRate(c.ticket, 15_000);
      expect((await limits.checkRate({ limits: u, tokens: 5_000 })).ok).toBe(true);
      expect((await limits.checkRate({ limits: u, tokens: 1 })).ok).toBe(false);
    });

    it("a refusal on one limit keeps nothing on the others; cancelRate gives points back", async () => {
      const limits = make();
      const both = [wsRate(3, null), userRate(1, null)];
      expect((await limits.checkRate({ limits: both, tokens: 10 })).ok).toBe(true);
      const r = await limits.checkRate({ limits: both, tokens: 10 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.scope).toBe("user");
      // Workspace rpm still has 2 left (the refused call did not keep its point).
      const a = await limits.checkRate({ limits: [wsRate(3, null)], tokens: 10 });
      expect(a.ok).toBe(true);
      if (a.ok) await limits.cancelRate(a.ticket);
      expect((await limits.checkRate({ limits: [wsRate(3, null)], tokens: 10 })).ok).toBe(true);
      expect((await limits.checkRate({ limits: [wsRate(3, null)], tokens: 10 })).ok).toBe(true);
      expect((await limits.checkRate({ limits: [wsRate(3, null)], tokens: 10 })).ok).toBe(false);
    });

    it("a call larger than the whole tokens-per-minute limit is refused as not retryable", async () => {
      const limits = make();
      const r = await limits.checkRate({ limits: [wsRate(null, 1_000)], tokens: 5_000 });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.retryable).toBe(false);
      expect(r.error.message).toContain(
        "more than the tokens-per-minute limit of 1,000 for workspace Northwind Outdoor",
      );
    });
  });
}
