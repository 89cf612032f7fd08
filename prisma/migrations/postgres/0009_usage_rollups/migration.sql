-- CreateTable
CREATE TABLE "usage_daily" (
    "workspaceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "costMicros" INTEGER NOT NULL,
    "latencySum" INTEGER NOT NULL,
    "cacheHits" INTEGER NOT NULL,
    "fallbacks" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "lat0" INTEGER NOT NULL,
    "lat1" INTEGER NOT NULL,
    "lat2" INTEGER NOT NULL,
    "lat3" INTEGER NOT NULL,
    "lat4" INTEGER NOT NULL,
    "lat5" INTEGER NOT NULL,
    "lat6" INTEGER NOT NULL,
    "lat7" INTEGER NOT NULL,
    "lat8" INTEGER NOT NULL,
    "lat9" INTEGER NOT NULL,
    "lat10" INTEGER NOT NULL,
    "lat11" INTEGER NOT NULL,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("workspaceId","day","model","role","userId")
);


-- Hand-written: the daily rollup is kept by a trigger, so every write path (the gateway's raw
-- INSERT, tests, benchmarks, imports) updates it in the same statement as the ledger row and it
-- can never drift or lag. A catch-up job with a watermark would need a commit-order-safe
-- watermark (rows commit out of createdAt order) and leaves the page stale between runs; the
-- trigger costs one primary-key upsert per gateway call, small next to the call itself.
-- Days are UTC: the ledger stores UTC (SQLite as ISO text, so the day is its first 10 characters).
-- Latency buckets: lat0 <= 10 ms, latN in (10*2^(N-1), 10*2^N] ms, lat11 > 10240 ms.
CREATE FUNCTION "usage_events_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "usage_daily" ("workspaceId", "day", "model", "role", "userId", "calls", "inputTokens", "outputTokens", "costMicros", "latencySum", "cacheHits", "fallbacks", "errors", "lat0", "lat1", "lat2", "lat3", "lat4", "lat5", "lat6", "lat7", "lat8", "lat9", "lat10", "lat11")
  VALUES (
    NEW."workspaceId",
    to_char(NEW."createdAt", 'YYYY-MM-DD'),
    NEW."model",
    NEW."role",
    COALESCE(NEW."userId", ''),
    1,
    NEW."inputTokens",
    NEW."outputTokens",
    NEW."costMicros",
    NEW."latencyMs",
    CASE WHEN NEW."cacheHit" THEN 1 ELSE 0 END,
    CASE WHEN NEW."fallbackUsed" THEN 1 ELSE 0 END,
    CASE WHEN NEW."outcome" = 'error' THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" <= 10 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 10 AND NEW."latencyMs" <= 20 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 20 AND NEW."latencyMs" <= 40 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 40 AND NEW."latencyMs" <= 80 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 80 AND NEW."latencyMs" <= 160 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 160 AND NEW."latencyMs" <= 320 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 320 AND NEW."latencyMs" <= 640 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 640 AND NEW."latencyMs" <= 1280 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 1280 AND NEW."latencyMs" <= 2560 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 2560 AND NEW."latencyMs" <= 5120 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 5120 AND NEW."latencyMs" <= 10240 THEN 1 ELSE 0 END,
    CASE WHEN NEW."latencyMs" > 10240 THEN 1 ELSE 0 END
  )
  ON CONFLICT ("workspaceId", "day", "model", "role", "userId") DO UPDATE SET
    "calls" = "usage_daily"."calls" + excluded."calls",
    "inputTokens" = "usage_daily"."inputTokens" + excluded."inputTokens",
    "outputTokens" = "usage_daily"."outputTokens" + excluded."outputTokens",
    "costMicros" = "usage_daily"."costMicros" + excluded."costMicros",
    "latencySum" = "usage_daily"."latencySum" + excluded."latencySum",
    "cacheHits" = "usage_daily"."cacheHits" + excluded."cacheHits",
    "fallbacks" = "usage_daily"."fallbacks" + excluded."fallbacks",
    "errors" = "usage_daily"."errors" + excluded."errors",
    "lat0" = "usage_daily"."lat0" + excluded."lat0",
    "lat1" = "usage_daily"."lat1" + excluded."lat1",
    "lat2" = "usage_daily"."lat2" + excluded."lat2",
    "lat3" = "usage_daily"."lat3" + excluded."lat3",
    "lat4" = "usage_daily"."lat4" + excluded."lat4",
    "lat5" = "usage_daily"."lat5" + excluded."lat5",
    "lat6" = "usage_daily"."lat6" + excluded."lat6",
    "lat7" = "usage_daily"."lat7" + excluded."lat7",
    "lat8" = "usage_daily"."lat8" + excluded."lat8",
    "lat9" = "usage_daily"."lat9" + excluded."lat9",
    "lat10" = "usage_daily"."lat10" + excluded."lat10",
    "lat11" = "usage_daily"."lat11" + excluded."lat11";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "usage_events_rollup" AFTER INSERT ON "usage_events"
FOR EACH ROW EXECUTE FUNCTION "usage_events_rollup"();

-- Backfill: roll up the ledger rows written before this migration.
INSERT INTO "usage_daily" ("workspaceId", "day", "model", "role", "userId", "calls", "inputTokens", "outputTokens", "costMicros", "latencySum", "cacheHits", "fallbacks", "errors", "lat0", "lat1", "lat2", "lat3", "lat4", "lat5", "lat6", "lat7", "lat8", "lat9", "lat10", "lat11")
SELECT
  "workspaceId",
  to_char("createdAt", 'YYYY-MM-DD'),
  "model",
  "role",
  COALESCE("userId", ''),
  COUNT(*),
  SUM("inputTokens"),
  SUM("outputTokens"),
  SUM("costMicros"),
  SUM("latencyMs"),
  SUM(CASE WHEN "cacheHit" THEN 1 ELSE 0 END),
  SUM(CASE WHEN "fallbackUsed" THEN 1 ELSE 0 END),
  SUM(CASE WHEN "outcome" = 'error' THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" <= 10 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 10 AND "latencyMs" <= 20 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 20 AND "latencyMs" <= 40 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 40 AND "latencyMs" <= 80 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 80 AND "latencyMs" <= 160 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 160 AND "latencyMs" <= 320 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 320 AND "latencyMs" <= 640 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 640 AND "latencyMs" <= 1280 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 1280 AND "latencyMs" <= 2560 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 2560 AND "latencyMs" <= 5120 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 5120 AND "latencyMs" <= 10240 THEN 1 ELSE 0 END),
  SUM(CASE WHEN "latencyMs" > 10240 THEN 1 ELSE 0 END)
FROM "usage_events"
GROUP BY 1, 2, 3, 4, 5;
