import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * The registry's bulk-load convention (migration search_and_data_version): per-row DataVersion
 * triggers are skipped for this transaction and the version is raised once at the end.
 */
export async function beginBulkLoad(tx: Tx) {
  await tx.$executeRawUnsafe(`SELECT set_config('registry.bulk_load', 'on', true)`);
}

export async function endBulkLoad(tx: Tx) {
  await tx.$executeRawUnsafe(`SELECT set_config('registry.bulk_load', 'off', true)`);
  await tx.$executeRawUnsafe(`UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1`);
}
