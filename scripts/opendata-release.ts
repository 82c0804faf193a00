/**
 * npm run opendata:release — publishes a dated open-data release <date>-<n> into the database
 * (CSV and JSON of every dataset, manifest with sha256 sums, changelog since the previous release)
 * and records it, so every app process lists it at /data and /api/v1/releases.
 * With the embedded database, stop the app first (one process may open the data directory).
 */
import "./load-env";
import { describeTarget, resolveTarget } from "../lib/db/engines";
import { db, disconnect } from "../lib/db/client";
import { runWrite } from "../lib/db/unit-of-work";
import { env } from "../lib/env";
import { publishRelease } from "../lib/opendata/releases/publish";
import { systemActor } from "../lib/request/actor";

async function main() {
  const started = performance.now();
  console.log(`Publishing an open-data release from ${describeTarget(resolveTarget(env()))}…`);
  await db().$queryRaw`SELECT 1`;
  const base = { actor: systemActor("opendata:release script"), scope: null, source: "system" as const };
  const { data: r } = await runWrite(base, (ctx) => publishRelease(ctx), { transaction: false });
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Release ${r.slug} stored in the database in ${secs} s.`);
  console.log(
    `  records: ${Object.entries(r.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log(
    `  since the previous release: ${Object.entries(r.changeSummary)
      .map(([k, s]) => `${k} +${s.added} ~${s.changed} -${s.removed}`)
      .join(", ")}`,
  );
  for (const f of r.files) console.log(`  ${f.name.padEnd(20)} ${String(f.bytes).padStart(10)} B  sha256 ${f.sha256}`);
}

main()
  .then(async () => {
    await disconnect();
    process.exit(0);
  })
  .catch(async (e: unknown) => {
    console.error(e instanceof Error && e.name === "DataDirLockedError" ? e.message : e);
    await disconnect().catch(() => {});
    process.exit(1);
  });
