import { crc32, deflateRawSync } from "node:zlib";
import { withEndRecord } from "@/lib/imports/zip/rebuild";

/**
 * A ZIP writer for tests that can lie: each entry may declare sizes, a CRC, flags or a method other
 * than the truth, and the central directory may point two entries at one local header — the
 * hostile archives the import must refuse. Honest by default (deflate, true sizes and CRC).
 */
export type ZipEntry = {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflate (default), anything else is written as is (data stored). */
  method?: number;
  /** The uncompressed size written in both headers instead of the true one. */
  declaredSize?: number;
  flags?: number;
  /** Reuse the local header (and data) of an earlier entry: overlapping entries. */
  sameDataAs?: number;
  /** Already compressed data (with `size` the true uncompressed size), e.g. deflated zeros. */
  compressed?: { bytes: Uint8Array; size: number; crc: number };
};

export function buildZip(entries: ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, "utf8");
    const method = e.method ?? 8;
    const body = e.compressed?.bytes ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const size = e.declaredSize ?? e.compressed?.size ?? e.data.length;
    const crc = e.compressed?.crc ?? crc32(e.data);
    const head = (sig: number, len: number) => {
      const b = Buffer.alloc(len);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(e.flags ?? 0x0800, at + 2);
      b.writeUInt16LE(method, at + 4);
      b.writeUInt32LE(crc >>> 0, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(size, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    if (e.sameDataAs === undefined) {
      const local = head(0x04034b50, 30);
      fields(local, 4);
      offsets[i] = offset;
      locals.push(local, name, body);
      offset += local.length + name.length + body.length;
    } else offsets[i] = offsets[e.sameDataAs];
    const central = head(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offsets[i], 42);
    centrals.push(central, name);
  });
  return new Uint8Array(Buffer.concat([...locals, ...withEndRecord(centrals, offset, entries.length)]));
}

/** `mib` MiB of zeros, deflated: about 1 KB per MiB (the inflated buffer is dropped at once). */
export function deflatedZeros(mib: number): { bytes: Uint8Array; size: number; crc: number } {
  const zeros = Buffer.alloc(mib * 1024 * 1024);
  return { bytes: new Uint8Array(deflateRawSync(zeros, { level: 9 })), size: zeros.length, crc: crc32(zeros) };
}
