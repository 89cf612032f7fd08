import "server-only";
import { hashKeyFor } from "@/server/features/guardrails/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import type { RecheckDeps } from "./recheck";

/** What the re-check of an edited draft needs in this process. */
export function reviewDeps(): RecheckDeps {
  return { kb: knowledgeDeps(), hashKey: hashKeyFor };
}
