/**
 * npm run db:seed — reference data always; the demo register unless DEMO_SEED=0.
 * Safe to run again: it only adds rows that are missing (see prisma/demo/index.ts).
 */
import "../scripts/load-env";
import { env } from "../lib/env";
import { describeTarget, openEngine, resolveTarget } from "../lib/db/engines";
import { PrismaClient } from "../lib/db/generated/client";
import { seedDemo, seedReference, type SeedCounts } from "./demo";

async function main() {
  const started = performance.now();
  const cfg = env();
  const target = resolveTarget(cfg);
  const engine = openEngine(target);
  const client = new PrismaClient({ adapter: engine.factory });
  try {
    const counts: Partial<SeedCounts> = cfg.DEMO_SEED === "0" ? await seedReference(client) : await seedDemo(client);
    const summary = Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const what = cfg.DEMO_SEED === "0" ? "reference data only (DEMO_SEED=0)" : "demo data";
    console.log(`Seeded ${what} into ${describeTarget(target)} in ${secs} s — added: ${summary}.`);
  } finally {
    await client.$disconnect();
    await engine.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error && e.name === "DataDirLockedError" ? e.message : e);
    process.exit(1);
  });
