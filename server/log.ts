import "server-only";
import pino, { type Logger } from "pino";
import { env } from "./env";

/** Structured JSON logs on stdout. Secrets are redacted by path. */
const g = globalThis as unknown as { __lecternLog?: Logger };

export function log(): Logger {
  g.__lecternLog ??= pino({
    level: env().logLevel,
    base: { service: "lectern", version: env().version },
    redact: {
      paths: [
        "password",
        "*.password",
        "passwordHash",
        "*.passwordHash",
        "token",
        "*.token",
        "apiKey",
        "*.apiKey",
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
  });
  return g.__lecternLog;
}
