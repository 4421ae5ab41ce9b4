import { defineConfig } from "prisma/config";

// The datasource is only needed by migrate/introspect commands; `prisma generate` must work without it.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
