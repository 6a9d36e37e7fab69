import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  test: {
    // Signing keys rest encrypted with a key derived from AUTH_SECRET (lib/signing/key-encryption.ts).
    env: { AUTH_SECRET: process.env.AUTH_SECRET ?? "vitest-auth-secret-vitest-auth-secret-0123" },
  },
  resolve: {
    alias: {
      "@": root,
      // Domain code imports `server-only`; outside Next.js it is a no-op (see tsconfig.scripts.json).
      "server-only": path.join(root, "lib/runtime/server-only-outside-next.ts"),
    },
  },
};

// Files that start their own embedded database or launcher run once, in the PGlite project.
const embeddedOnly = ["tests/integration/runtime/**", "tests/integration/db/embedded-socket.test.ts"];

const integration = (name: string, exclude: string[] = []): TestProjectInlineConfiguration => ({
  ...shared,
  test: {
    ...shared.test,
    name,
    include: ["tests/integration/**/*.test.ts"],
    exclude,
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

// Integration tests run on the embedded PGlite always, and again on a real PostgreSQL server
// when TEST_DATABASE_URL is set (CI sets it to the machine's server).
const projects: TestProjectInlineConfiguration[] = [
  { ...shared, test: { ...shared.test, name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
  integration("integration-pglite"),
];
if (process.env.TEST_DATABASE_URL) projects.push(integration("integration-postgres", embeddedOnly));

export default defineConfig({
  test: {
    projects,
    pool: "forks",
    // Every integration file has its own database, so files run side by side; Vitest's default on
    // two cores would be one worker.
    maxWorkers: 2,
  },
});
