import { z } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors";

/** Turns zod issues into short, field-addressed messages for clients and forms. */
export function validationError(where: "body" | "query" | "path", error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  const summary = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "invalid input";
  return new AppError("validation", `The request ${where} is not valid (${summary}).`, { details: { where, issues } });
}

/** Known database failures worth a precise answer; everything else is a 500. */
export function fromDatabaseError(e: unknown): AppError | undefined {
  const code = (e as { code?: unknown })?.code;
  if (code === "P2002")
    return new AppError("conflict:duplicate", "Something with the same unique value already exists.");
  if (code === "P2025") return new AppError("not_found", "The record was not found; it may have been deleted.");
  return undefined;
}

export function errorBody(e: AppError, requestId: string): ErrorBody {
  return {
    error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}), requestId },
  };
}

export function internalError(): AppError {
  return new AppError(
    "internal",
    "Something went wrong on our side. The error was logged; quote the request id if you report it.",
  );
}

/**
 * An error as one event of a progress stream (the HTTP status was already sent): typed errors
 * keep their code and message; anything else is logged and reported as internal.
 */
export function errorEvent(e: unknown, requestId: string): { code: string; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  if (e instanceof z.ZodError) {
    const v = validationError("body", e);
    return { code: v.code, message: v.message };
  }
  const db = fromDatabaseError(e);
  if (db) return { code: db.code, message: db.message };
  void import("@/server/log").then(({ log }) => log().error({ err: e, requestId }, "stream failed"));
  const i = internalError();
  return { code: i.code, message: `${i.message} (request ${requestId})` };
}
