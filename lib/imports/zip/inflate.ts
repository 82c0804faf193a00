import { createInflateRaw, crc32 } from "node:zlib";

export type Inflated = { ok: true; crc: number } | { ok: false; why: "longer" | "shorter" | "corrupt" | "stopped" };
/** Sees each inflated chunk; false stops the inflating ("stopped"). */
export type ChunkWatcher = (chunk: Uint8Array) => boolean;

/**
 * Inflates one deflated entry only to count and checksum it: nothing is kept, and the stream is
 * destroyed the moment it produces one byte more than `expected` (the size the archive declared),
 * so a lying entry costs at most `expected` bytes of work and one chunk of memory, whatever it
 * would inflate to.
 */
export function inflateCounted(data: Uint8Array, expected: number, watch?: ChunkWatcher): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let crc = 0;
    let settled = false;
    const settle = (result: Inflated) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      resolve(result);
    };
    inflater.on("data", (chunk: Buffer) => {
      if (settled) return;
      produced += chunk.length;
      if (produced > expected) return settle({ ok: false, why: "longer" });
      crc = crc32(chunk, crc);
      if (watch && !watch(chunk)) settle({ ok: false, why: "stopped" });
    });
    inflater.on("error", () => settle({ ok: false, why: "corrupt" }));
    inflater.on("end", () => settle(produced === expected ? { ok: true, crc } : { ok: false, why: "shorter" }));
    inflater.end(data);
  });
}

/** A stored entry: its bytes are its content (the directory checked that both sizes agree). */
export function storedEntry(data: Uint8Array, watch?: ChunkWatcher): Inflated {
  if (watch && !watch(data)) return { ok: false, why: "stopped" };
  return { ok: true, crc: crc32(data) };
}
