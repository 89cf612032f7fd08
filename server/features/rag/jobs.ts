import "server-only";
import { knowledgeHandlers } from "./handlers";
import { knowledgeDeps } from "./runtime";

/** The knowledge base's background work, registered with the process-wide job runner. */
export const knowledgeJobHandlers = knowledgeHandlers(knowledgeDeps);
