/** 0.0512 → "5.1%"; null → "—". */
export function pct(x: number | null, digits = 1): string {
  return x === null ? "—" : `${(x * 100).toFixed(digits)}%`;
}

/** The curl lines an integration runs against API v1 (the key stays a placeholder). */
export function curlLines(origin: string, id: string): { assign: string; outcome: string; read: string } {
  const base = `${origin}/api/v1/experiments/${id}`;
  const auth = `-H "Authorization: Bearer $LECTERN_API_KEY"`;
  const json = `-H "Content-Type: application/json"`;
  return {
    assign: `curl -X POST ${base}/assign ${auth} ${json} -d '{"unitId":"visitor-123"}'`,
    outcome: `curl -X POST ${base}/outcomes ${auth} ${json} -d '{"eventId":"click-789","arm":"a","kind":"click"}'`,
    read: `curl ${base} ${auth}`,
  };
}
