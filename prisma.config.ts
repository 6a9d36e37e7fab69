// Prisma CLI configuration. The project uses the CLI only to generate the client and to diff
// schemas (`npm run db:diff`); migrations are applied by its own runner (docs/decisions/003).
// The "js" engine with a driver adapter keeps the CLI from downloading native engines, which
// this machine cannot reach (docs/decisions/002).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// `url = env("DATABASE_URL")` must resolve or the CLI falls back to downloading engines.
// `prisma generate` never connects, so a placeholder is enough there.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
