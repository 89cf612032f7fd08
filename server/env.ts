import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import pkg from "../package.json";

/**
 * The one typed view of the process environment. Every variable is explained
 * in .env.example. Parsing happens once, lazily, and a bad value stops the
 * process with one readable line per problem instead of a stack trace.
 */
const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const Schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .optional(),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)")
    .optional(),
  AUTH_URL: z.url("must be an absolute URL such as https://lectern.example.com").optional(),
  LECTERN_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  LECTERN_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64 (openssl rand -base64 32)")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  OPENAI_COMPATIBLE_BASE_URL: z.url().optional(),
  OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
  OPENAI_COMPATIBLE_MODELS: z.string().optional(),
  OPENAI_COMPATIBLE_NAME: z.string().default("OpenAI-compatible"),
  INFERENCE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(5000),
  LECTERN_TRACES: z.enum(["off", "console", "otlp"]).default("off"),
  PINECONE_API_KEY: z.string().optional(),
  PINECONE_INDEX_HOST: z.url().optional(),
  KNOWLEDGE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  BATCH_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
});

/** Cross-field rules, checked on the raw input so they are reported together with per-field problems. */
function pairProblems(v: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const name of ["AUTH_GITHUB", "AUTH_GOOGLE", "AUTH_OIDC"]) {
    if (Boolean(v[`${name}_ID`]) !== Boolean(v[`${name}_SECRET`]))
      out.push(`${name}_ID: set both ${name}_ID and ${name}_SECRET, or neither`);
  }
  if (v.AUTH_OIDC_ID && !v.AUTH_OIDC_ISSUER) out.push("AUTH_OIDC_ISSUER: is required when AUTH_OIDC_ID is set");
  if (v.OPENAI_COMPATIBLE_BASE_URL && !v.OPENAI_COMPATIBLE_MODELS?.trim())
    out.push("OPENAI_COMPATIBLE_MODELS: list the model ids the endpoint serves (comma-separated), e.g. llama3.1:8b");
  return out;
}

export type DatabaseProvider = "sqlite" | "postgres";

export type Env = {
  /** The project folder (migrations, data). The CLI sets LECTERN_ROOT so it works from any directory. */
  root: string;
  nodeEnv: "development" | "production" | "test";
  version: string;
  dataDir: string;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  authSecret: string;
  /** The studio's public URL when configured (AUTH_URL); otherwise derived per request. */
  publicUrl?: string;
  demoMode: boolean;
  logLevel: z.infer<typeof Schema>["LOG_LEVEL"];
  maxBodyBytes: number;
  signIn: { maxAttempts: number; windowSeconds: number };
  /** 32-byte key for AES-256-GCM encryption of stored provider API keys. */
  secretKey: Buffer;
  redisUrl?: string;
  /** Instance-wide model providers from env, available to every workspace. */
  providers: {
    openai?: { apiKey: string; baseUrl?: string };
    anthropic?: { apiKey: string };
    openaiCompatible?: { baseUrl: string; apiKey?: string; models: string[]; name: string };
  };
  inferenceCacheMaxEntries: number;
  /** Where OpenTelemetry spans go: nowhere (default), stdout, or OTLP/HTTP (OTEL_EXPORTER_OTLP_* env). */
  traces: "off" | "console" | "otlp";
  /** Instance-wide Pinecone defaults; a workspace may set its own host and key. */
  pinecone?: { apiKey: string; indexHost?: string };
  /** Largest file the knowledge base accepts (bytes). */
  maxUploadBytes: number;
  /** Largest CSV a programmatic-SEO batch accepts, in data rows. */
  batchMaxRows: number;
  oauth: {
    github?: { id: string; secret: string };
    google?: { id: string; secret: string };
    oidc?: { issuer: string; id: string; secret: string; name: string };
  };
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Schema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`)),
    ...pairProblems(cleaned),
  ];
  if (!parsed.success || problems.length) {
    const lines = problems.map((p) => `  ${p}`).join("\n");
    throw new EnvError(`Lectern cannot start: invalid configuration\n${lines}\nSee .env.example for every variable.`);
  }
  const v = parsed.data;
  const root = path.resolve(/*turbopackIgnore: true*/ source.LECTERN_ROOT ?? process.cwd());
  const dataDir = path.resolve(root, v.DATA_DIR);
  // A relative SQLite path is relative to the project folder, wherever the process started.
  const databaseUrl = v.DATABASE_URL?.startsWith("file:")
    ? `file:${path.resolve(root, v.DATABASE_URL.slice("file:".length))}`
    : (v.DATABASE_URL ?? `file:${path.join(dataDir, "lectern.db")}`);
  const databaseProvider: DatabaseProvider = databaseUrl.startsWith("file:") ? "sqlite" : "postgres";
  return {
    root,
    nodeEnv: v.NODE_ENV,
    version: pkg.version,
    dataDir,
    databaseUrl,
    databaseProvider,
    authSecret: v.AUTH_SECRET ?? localSecret(dataDir, ".auth-secret", v.NODE_ENV),
    secretKey: Buffer.from(v.LECTERN_SECRET_KEY ?? localSecret(dataDir, ".secret-key", v.NODE_ENV), "base64"),
    redisUrl: v.REDIS_URL,
    providers: {
      openai: v.OPENAI_API_KEY ? { apiKey: v.OPENAI_API_KEY, baseUrl: v.OPENAI_BASE_URL } : undefined,
      anthropic: v.ANTHROPIC_API_KEY ? { apiKey: v.ANTHROPIC_API_KEY } : undefined,
      openaiCompatible: v.OPENAI_COMPATIBLE_BASE_URL
        ? {
            baseUrl: v.OPENAI_COMPATIBLE_BASE_URL,
            apiKey: v.OPENAI_COMPATIBLE_API_KEY,
            models: (v.OPENAI_COMPATIBLE_MODELS ?? "")
              .split(",")
              .map((m) => m.trim())
              .filter(Boolean),
            name: v.OPENAI_COMPATIBLE_NAME,
          }
        : undefined,
    },
    inferenceCacheMaxEntries: v.INFERENCE_CACHE_MAX_ENTRIES,
    traces: v.LECTERN_TRACES,
    pinecone: v.PINECONE_API_KEY ? { apiKey: v.PINECONE_API_KEY, indexHost: v.PINECONE_INDEX_HOST } : undefined,
    maxUploadBytes: Math.round(v.KNOWLEDGE_MAX_UPLOAD_MB * 1024 * 1024),
    batchMaxRows: v.BATCH_MAX_ROWS,
    publicUrl: v.AUTH_URL?.replace(/\/+$/, ""),
    demoMode: v.LECTERN_DEMO,
    logLevel: v.LOG_LEVEL,
    maxBodyBytes: v.MAX_BODY_BYTES,
    signIn: { maxAttempts: v.SIGNIN_MAX_ATTEMPTS, windowSeconds: v.SIGNIN_WINDOW_SECONDS },
    oauth: {
      github:
        v.AUTH_GITHUB_ID && v.AUTH_GITHUB_SECRET ? { id: v.AUTH_GITHUB_ID, secret: v.AUTH_GITHUB_SECRET } : undefined,
      google:
        v.AUTH_GOOGLE_ID && v.AUTH_GOOGLE_SECRET ? { id: v.AUTH_GOOGLE_ID, secret: v.AUTH_GOOGLE_SECRET } : undefined,
      oidc:
        v.AUTH_OIDC_ID && v.AUTH_OIDC_SECRET && v.AUTH_OIDC_ISSUER
          ? { issuer: v.AUTH_OIDC_ISSUER, id: v.AUTH_OIDC_ID, secret: v.AUTH_OIDC_SECRET, name: v.AUTH_OIDC_NAME }
          : undefined,
    },
  };
}

/**
 * Secrets a self-hosted single instance can make for itself: without
 * AUTH_SECRET / LECTERN_SECRET_KEY, one is generated on first start and kept
 * in the data directory (mode 0600), so sessions and encrypted provider keys
 * survive restarts and the quick start needs no configuration. Several
 * instances behind a load balancer must share both (set them in env).
 */
function localSecret(dataDir: string, name: string, nodeEnv: string): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    if (nodeEnv === "test") return Buffer.alloc(32, name).toString("base64");
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process won the race: use its secret.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
