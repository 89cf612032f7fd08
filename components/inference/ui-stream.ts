/**
 * Reads an AI SDK UI message stream (server-sent events: `data: {json}` lines,
 * ending with `data: [DONE]`) and yields each chunk as parsed JSON. Lines that
 * are not JSON are skipped.
 */
export async function* readUiMessageChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<UiChunk> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, "");
        buffer = buffer.slice(nl + 1);
        const chunk = parseLine(line);
        if (chunk === "done") return;
        if (chunk) yield chunk;
      }
    }
    buffer += decoder.decode();
    const last = parseLine(buffer.trim());
    if (last && last !== "done") yield last;
  } finally {
    reader.releaseLock();
  }
}

function parseLine(line: string): UiChunk | "done" | null {
  if (!line.startsWith("data:")) return null;
  const data = line.slice(5).trim();
  if (data === "[DONE]") return "done";
  try {
    const parsed = JSON.parse(data) as unknown;
    return parsed && typeof parsed === "object" && "type" in parsed ? (parsed as UiChunk) : null;
  } catch {
    return null;
  }
}

export type RouteData = {
  provider: string;
  providerKind: string;
  model: string;
  offline: boolean;
  prompt?: { id: string; key: string; version: number; label: string };
};

export type UiChunk =
  | { type: "data-route"; data: RouteData }
  | { type: "text-start"; id: string }
  | { type: "text-delta"; id: string; delta: string }
  | { type: "text-end"; id: string }
  | { type: "error"; errorText: string }
  | { type: string; [k: string]: unknown };
