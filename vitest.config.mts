import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const shared = {
  resolve: {
    alias: {
      "@": root,
      // Server modules mark themselves with "server-only"; tests run them in plain Node.
      "server-only": path.resolve(root, "server/testing/server-only-stub.ts"),
    },
  },
};

const sharedTest = {
  environment: "node" as const,
  env: { NODE_ENV: "test" as const, LOG_LEVEL: "silent" },
  // next-auth imports "next/server" without an extension; let Vite resolve it.
  server: { deps: { inline: ["next-auth", "@auth/core"] } },
};

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest-report.json" }]],
    projects: [
      {
        ...shared,
        test: {
          ...sharedTest,
          name: "unit",
          include: ["{lib,server,scripts,components}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          ...sharedTest,
          name: "integration",
          include: ["{lib,server,scripts}/**/*.int.test.ts"],
          // Each file creates its own databases; PostgreSQL ones are dropped afterwards.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
