import { AppError } from "@/lib/errors";
import { splitTags } from "@/lib/schemas/knowledge";

/** Room for the multipart framing and the small text fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

export type Upload = {
  file: { name: string; type: string | null; bytes: Uint8Array };
  fields: { title?: string; tags: string[]; effectiveDate?: string };
  /** Every other text field of the form, as sent. */
  text: Record<string, string>;
};

/**
 * Reads a multipart/form-data upload with one `file` part. The body is streamed and counted, so
 * an oversized upload is refused with 413 as soon as it passes the limit, never buffered whole.
 * Multipart (not JSON) is also what keeps cross-site forms out: the session cookie is SameSite=Lax.
 */
export async function readUpload(
  req: Request,
  maxFileBytes: number,
  /** Where the limit comes from, for the 413 message (an env var, or "fixed"). */
  limitSource = "KNOWLEDGE_MAX_UPLOAD_MB",
): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    throw new AppError("unsupported_media_type", "Send the file as multipart/form-data with a `file` field.");
  const limit = maxFileBytes + FORM_OVERHEAD;
  const tooLarge = () =>
    new AppError(
      "payload_too_large:upload",
      `The file is larger than the ${(maxFileBytes / 1024 / 1024).toFixed(0)} MB upload limit (${limitSource}).`,
    );
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) throw new AppError("bad_request:empty_body", "The request has no file.");

  let size = 0;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": type } }).formData();
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (size > limit) throw tooLarge();
    throw new AppError("bad_request:multipart", "The upload could not be read as multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("validation:file", "Choose a file to upload (form field `file`).");
  if (file.size > maxFileBytes) throw tooLarge();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  return {
    file: { name: file.name || "upload", type: file.type || null, bytes: new Uint8Array(await file.arrayBuffer()) },
    fields: { title: text("title"), tags: splitTags(text("tags")), effectiveDate: text("effectiveDate") },
    text: Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")),
  };
}
