import "server-only";
import { runWrite } from "@/lib/db/unit-of-work";
import { clock } from "@/lib/kernel/dates";
import { systemActor } from "@/lib/request/actor";
import { lockAttachmentFiles, referencedFiles } from "./mutations";
import { listStoredFiles, removeStoredFile } from "./storage";

/**
 * Removes stored files that no attachment row names (a file written by an upload whose
 * transaction then failed, or whose process died before the commit), and temp files of writes
 * that never finished. Safe against uploads in progress by order and lock, not by age: an upload
 * writes its file inside its transaction, after its checks and before its row, holding the files
 * lock shared (./mutations.ts); the sweep holds it exclusively, so it sees either no file yet or
 * the committed row. Temp files are only taken after an hour (a write outside any transaction —
 * a fixture, a restore — is never cut short).
 *
 * It runs after an upload, at most once an hour per process (`sweepAfterUpload`), so no schedule
 * needs setting up; rows are never touched (nothing in the registry is hard-deleted). With the
 * bytes in PostgreSQL (issue 14) the row and the bytes commit together and this goes away.
 */
export const SWEEP_INTERVAL_MS = 3600_000;
const TEMP_MIN_AGE_MS = 3600_000;

export async function sweepAttachmentFiles(now = clock.now()): Promise<{ removed: string[] }> {
  const { data } = await runWrite({ actor: systemActor("attachment sweep"), scope: null, now, source: "system" }, async (ctx) => {
    await lockAttachmentFiles(ctx.tx, "exclusive");
    const files = await listStoredFiles();
    const referenced = await referencedFiles(
      ctx.tx,
      files.flatMap((f) => (f.sha256 ? [f.sha256] : [])),
    );
    const orphans = files.filter((f) => (f.sha256 ? !referenced.has(f.sha256) : now.getTime() - f.modifiedMs > TEMP_MIN_AGE_MS));
    for (const f of orphans) await removeStoredFile(f.name);
    return { removed: orphans.map((f) => f.name) };
  });
  if (data.removed.length) console.info(`attachment sweep: removed ${data.removed.length} unreferenced file(s)`);
  return data;
}

let lastSweep = 0;

/** The sweep, when this process has not run it for an hour. Failures are logged, never the upload's. */
export async function sweepAfterUpload(now = clock.now()): Promise<void> {
  if (now.getTime() - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now.getTime();
  await sweepAttachmentFiles(now).catch((e) => console.error("attachment sweep failed", e));
}
