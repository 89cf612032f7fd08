import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules mark themselves with "server-only"; tests run them in plain Node.
      "server-only": path.resolve(import.meta.dirname, "server/testing/server-only-stub.ts"),
    },
  },
};

export default defineConfig({
  test: {
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
    projects: [
      {
        ...shared,
        test: { name: "unit", environment: "node", include: ["{lib,server,scripts,components}/**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**"] },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,server,scripts}/**/*.int.test.ts"],
          // Each file creates its own databases; PostgreSQL ones are dropped afterwards.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
