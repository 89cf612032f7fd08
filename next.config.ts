import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM-backed database drivers must stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@node-rs/argon2",
    "pino",
    // Loads its pure-JS backend lazily with createRequire (the style governor's ReDoS check).
    "recheck",
  ],
  poweredByHeader: false,
  experimental: {
    // Enables forbidden()/unauthorized() so role checks render a real 403 page.
    authInterrupts: true,
  },
};

export default nextConfig;
