import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    // integration tests open real SQLite files; keep each file in its own fork
    pool: "forks",
    testTimeout: 30_000,
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
