import type { Redis } from "ioredis";
import type {
  BudgetStore,
  CounterOp,
  CounterState,
  StoreFinalizeResult,
  StorePeekResult,
  StoreReserveResult,
} from "./store";

/**
 * Redis budget store. Each counter is two keys sharing the workspace hash tag:
 *   <key>      hash: used, reserved, softWarnedAt, r:<reservationId> -> amount
 *   <key>:exp  sorted set: reservationId scored by its expiry (epoch ms)
 * Every operation is one Lua script, so checking all budgets of a call and
 * reserving on all or none is atomic across any number of instances.
 * Expired reservations are swept by whichever script touches the counter next.
 */

// Shared Lua helpers. Amounts are integers well inside 2^53; string.format('%d')
// keeps Redis from receiving "1e+15"-style numbers.
const LUA_HELPERS = `
local function int(x) return string.format('%d', x) end
local function sweep(h, z, now)
  local expired = redis.call('ZRANGEBYSCORE', z, '-inf', now)
  for _, m in ipairs(expired) do
    local amt = redis.call('HGET', h, 'r:' .. m)
    if amt then
      redis.call('HINCRBY', h, 'reserved', int(-tonumber(amt)))
      redis.call('HDEL', h, 'r:' .. m)
    end
  end
  if #expired > 0 then redis.call('ZREMRANGEBYSCORE', z, '-inf', now) end
end
local function checkSoft(h, used, soft)
  if tonumber(soft) < 0 or used < tonumber(soft) then return 0 end
  if redis.call('HGET', h, 'softWarnedAt') == soft then return 0 end
  redis.call('HSET', h, 'softWarnedAt', soft)
  return 1
end
local function missing(n)
  local m = {}
  for i = 1, n do
    if redis.call('HEXISTS', KEYS[2 * i - 1], 'used') == 0 then m[#m + 1] = i end
  end
  return m
end
`;

// KEYS: hash_i, zset_i for i = 1..n
// ARGV: n, resId, now, resExpiresAt, then per counter: amount, hardCap (-1 none), softCap (-1 none), dropAt
const RESERVE_LUA = `${LUA_HELPERS}
local n = tonumber(ARGV[1])
local resId, now, resExp = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local miss = missing(n)
if #miss > 0 then return {'init', miss} end
local used, reserved = {}, {}
for i = 1, n do
  local h, z, b = KEYS[2 * i - 1], KEYS[2 * i], 5 + (i - 1) * 4
  sweep(h, z, now)
  used[i] = tonumber(redis.call('HGET', h, 'used'))
  reserved[i] = tonumber(redis.call('HGET', h, 'reserved') or '0')
  local amount, hard = tonumber(ARGV[b]), tonumber(ARGV[b + 1])
  if amount > 0 and hard >= 0 and used[i] + reserved[i] + amount > hard then
    return {'denied', i, used[i], reserved[i]}
  end
end
local out = {'ok'}
for i = 1, n do
  local h, z, b = KEYS[2 * i - 1], KEYS[2 * i], 5 + (i - 1) * 4
  local amount = tonumber(ARGV[b])
  if amount > 0 then
    redis.call('HINCRBY', h, 'reserved', ARGV[b])
    redis.call('HSET', h, 'r:' .. resId, ARGV[b])
    redis.call('ZADD', z, resExp, resId)
    reserved[i] = reserved[i] + amount
    redis.call('PEXPIREAT', z, ARGV[b + 3])
  end
  redis.call('PEXPIREAT', h, ARGV[b + 3])
  out[#out + 1] = used[i]
  out[#out + 1] = reserved[i]
  out[#out + 1] = checkSoft(h, used[i], ARGV[b + 2])
end
return out
`;

// KEYS: hash_i, zset_i
// ARGV: n, resId, now, mode ('settle' | 'release'), then per counter: actual, softCap (-1 none), dropAt
const FINALIZE_LUA = `${LUA_HELPERS}
local n = tonumber(ARGV[1])
local resId, now, mode = ARGV[2], tonumber(ARGV[3]), ARGV[4]
if mode == 'settle' then
  local miss = missing(n)
  if #miss > 0 then return {'init', miss} end
end
local out = {'ok'}
for i = 1, n do
  local h, z, b = KEYS[2 * i - 1], KEYS[2 * i], 5 + (i - 1) * 3
  sweep(h, z, now)
  local found = 0
  local amt = redis.call('HGET', h, 'r:' .. resId)
  if amt then
    found = 1
    redis.call('HINCRBY', h, 'reserved', int(-tonumber(amt)))
    redis.call('HDEL', h, 'r:' .. resId)
    redis.call('ZREM', z, resId)
  end
  local crossed = 0
  if mode == 'settle' then
    redis.call('HINCRBY', h, 'used', ARGV[b])
    redis.call('PEXPIREAT', h, ARGV[b + 2])
  end
  local used = tonumber(redis.call('HGET', h, 'used') or '0')
  if mode == 'settle' then crossed = checkSoft(h, used, ARGV[b + 1]) end
  out[#out + 1] = used
  out[#out + 1] = tonumber(redis.call('HGET', h, 'reserved') or '0')
  out[#out + 1] = crossed
  out[#out + 1] = found
end
return out
`;

// KEYS: hash_i, zset_i; ARGV: n, now
const PEEK_LUA = `${LUA_HELPERS}
local n, now = tonumber(ARGV[1]), tonumber(ARGV[2])
local miss = missing(n)
if #miss > 0 then return {'init', miss} end
local out = {'ok'}
for i = 1, n do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  sweep(h, z, now)
  out[#out + 1] = tonumber(redis.call('HGET', h, 'used'))
  out[#out + 1] = tonumber(redis.call('HGET', h, 'reserved') or '0')
end
return out
`;

// KEYS: hash; ARGV: used, dropAt
const INIT_LUA = `
if redis.call('HSETNX', KEYS[1], 'used', ARGV[1]) == 1 then
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
return 1
`;

type Reply = [string, ...unknown[]];
type Cmd = (numKeys: number, ...args: (string | number)[]) => Promise<Reply>;
interface ScriptClient {
  lecternLimitsReserve: Cmd;
  lecternLimitsFinalize: Cmd;
  lecternLimitsPeek: Cmd;
  lecternLimitsInit: Cmd;
}

const defined = new WeakSet<Redis>();

function scripts(redis: Redis): ScriptClient {
  if (!defined.has(redis)) {
    redis.defineCommand("lecternLimitsReserve", { lua: RESERVE_LUA });
    redis.defineCommand("lecternLimitsFinalize", { lua: FINALIZE_LUA });
    redis.defineCommand("lecternLimitsPeek", { lua: PEEK_LUA });
    redis.defineCommand("lecternLimitsInit", { lua: INIT_LUA });
    defined.add(redis);
  }
  return redis as unknown as ScriptClient;
}

const keysOf = (ops: readonly CounterOp[]) => ops.flatMap((op) => [op.key, `${op.key}:exp`]);
const cap = (c: number | null) => (c === null ? -1 : c);
const num = (x: unknown) => Number(x);

function initMissing(reply: Reply): { kind: "init"; missing: number[] } {
  const idx = (reply[1] as unknown[]).map((i) => num(i) - 1);
  return { kind: "init", missing: idx };
}

export function createRedisBudgetStore(redis: Redis): BudgetStore {
  const s = scripts(redis);
  return {
    async reserve(ops, resId, nowMs, resExpiresAtMs): Promise<StoreReserveResult> {
      const args = ops.flatMap((op) => [op.amount, cap(op.hardCap), cap(op.softCap), op.dropAtMs]);
      const reply = await s.lecternLimitsReserve(
        ops.length * 2,
        ...keysOf(ops),
        ops.length,
        resId,
        nowMs,
        resExpiresAtMs,
        ...args,
      );
      if (reply[0] === "init") return initMissing(reply);
      if (reply[0] === "denied") {
        return { kind: "denied", index: num(reply[1]) - 1, used: num(reply[2]), reserved: num(reply[3]) };
      }
      const states: CounterState[] = ops.map((_, i) => ({
        used: num(reply[1 + i * 3]),
        reserved: num(reply[2 + i * 3]),
        crossedSoft: num(reply[3 + i * 3]) === 1,
      }));
      return { kind: "ok", states };
    },

    async finalize(ops, resId, nowMs, mode): Promise<StoreFinalizeResult> {
      const args = ops.flatMap((op) => [op.amount, cap(op.softCap), op.dropAtMs]);
      const reply = await s.lecternLimitsFinalize(
        ops.length * 2,
        ...keysOf(ops),
        ops.length,
        resId,
        nowMs,
        mode,
        ...args,
      );
      if (reply[0] === "init") return initMissing(reply);
      const states: CounterState[] = [];
      const found: boolean[] = [];
      ops.forEach((_, i) => {
        states.push({
          used: num(reply[1 + i * 4]),
          reserved: num(reply[2 + i * 4]),
          crossedSoft: num(reply[3 + i * 4]) === 1,
        });
        found.push(num(reply[4 + i * 4]) === 1);
      });
      return { kind: "ok", states, found };
    },

    async init(key, used, dropAtMs) {
      await s.lecternLimitsInit(1, key, used, dropAtMs);
    },

    async peek(ops, nowMs): Promise<StorePeekResult> {
      const reply = await s.lecternLimitsPeek(ops.length * 2, ...keysOf(ops), ops.length, nowMs);
      if (reply[0] === "init") return initMissing(reply);
      const states = ops.map((_, i) => ({
        used: num(reply[1 + i * 2]),
        reserved: num(reply[2 + i * 2]),
        crossedSoft: false,
      }));
      return { kind: "ok", states };
    },
  };
}
