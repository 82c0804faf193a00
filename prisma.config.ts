import { defineConfig } from "prisma/config";

// The datasource URL is not needed here: the app connects through driver adapters
// (lib/db/client.ts) and migrations run through scripts/db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
