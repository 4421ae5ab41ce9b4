import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
    ],
    environment: "node",
    // Starts a throwaway PostgreSQL (unless TEST_DATABASE_URL is set) so lib/db is tested on it too.
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real promtool/amtool/Prometheus runs are CPU-bound; two workers match the 2-core machine.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
