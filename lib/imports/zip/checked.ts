import { readDirectory } from "./directory";
import { inflateCounted, storedEntry, type ChunkWatcher } from "./inflate";
import { canonicalArchive } from "./rebuild";

export type ZipLimits = {
  maxEntries: number;
  maxUnpackedBytes: number;
  /** A watcher for the entry's inflated chunks (or none); when it says stop, the check ends "stopped". */
  watch?: (name: string) => ChunkWatcher | undefined;
  /** Entries to put first in the copy, in this order (a streaming reader meets the entries in the archive's order). */
  first?: string[];
};
export type CheckedArchive =
  { ok: true; archive: Buffer; unpackedBytes: number } | { ok: false; key: "notSpreadsheet" | "unpackedTooLarge" | "damagedArchive" | "stopped"; why: string };

/**
 * An .xlsx proved before exceljs sees it. The sizes an archive declares are only claims: each entry
 * is inflated (counted, not kept) and must produce exactly its declared size and CRC; the stream
 * stops at the first byte past the declared size. Since the declared sizes add up to at most
 * `maxUnpackedBytes`, no archive makes the server inflate more than that, and a lying one is
 * refused after inflating no more than it admitted to. What exceljs gets is a canonical copy
 * (./rebuild.ts) of the proved entries, so it cannot read anything else.
 */
export async function checkedArchive(bytes: Uint8Array, limits: ZipLimits): Promise<CheckedArchive> {
  const directory = readDirectory(bytes, limits.maxEntries);
  if (!directory.ok) return directory.zip ? damaged(directory.why) : { ok: false, key: "notSpreadsheet", why: directory.why };
  const declared = directory.entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnpackedBytes) return { ok: false, key: "unpackedTooLarge", why: `${declared} bytes declared` };
  for (const entry of directory.entries) {
    const watch = limits.watch?.(entry.name);
    const proof = entry.method === 8 ? await inflateCounted(entry.data, entry.size, watch) : storedEntry(entry.data, watch);
    if (!proof.ok && proof.why === "stopped") return { ok: false, key: "stopped", why: entry.name };
    if (!proof.ok) return damaged(`${entry.name} inflates ${proof.why === "corrupt" ? "to an error" : `${proof.why} than its declared ${entry.size} bytes`}`);
    if (proof.crc !== entry.crc) return damaged(`${entry.name} fails its CRC`);
  }
  const rank = (name: string) => {
    const at = limits.first?.indexOf(name) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const ordered = [...directory.entries].sort((a, b) => rank(a.name) - rank(b.name));
  return { ok: true, archive: canonicalArchive(ordered), unpackedBytes: declared };
}

function damaged(why: string): CheckedArchive {
  return { ok: false, key: "damagedArchive", why };
}
