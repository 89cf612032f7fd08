import { AppError } from "@/lib/errors";

/**
 * Reads a JSON body with a hard size limit, streaming so an oversized body is
 * refused without being buffered whole. Content-Type must be JSON: besides
 * being honest, it stops cross-site HTML forms (no CORS preflight) from
 * posting to cookie-authenticated routes.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the request body as JSON with the header Content-Type: application/json.",
    );
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body)
    throw new AppError("bad_request:empty_body", "The request body is empty; this endpoint expects a JSON object.");

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim())
    throw new AppError("bad_request:empty_body", "The request body is empty; this endpoint expects a JSON object.");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("bad_request:malformed_json", `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

function tooLarge(maxBytes: number) {
  return new AppError(
    "payload_too_large",
    `The request body is larger than the ${Math.round(maxBytes / 1024)} KiB limit.`,
  );
}
