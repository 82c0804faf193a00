import type { ZipEntry } from "./directory";

const UTF8_NAMES = 0x0800;

/**
 * A fresh archive of checked entries: their compressed bytes behind new headers that state the
 * proved sizes and CRCs, with no extra fields, data descriptors, comments or gaps. exceljs (JSZip)
 * then reads exactly the entries that were checked — no second reading of the original headers
 * that could differ from ours (several end records, a local header that disagrees, ZIP64 extras).
 */
export function canonicalArchive(entries: ZipEntry[]): Buffer {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, entry, name.length);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(record, 6, entry, name.length);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    central.push(record, name);
    offset += local.length + name.length + entry.data.length;
  }
  return Buffer.concat([...parts, ...withEndRecord(central, offset, entries.length)]);
}

/** The central directory's records followed by the end record that finds them at `offset`. */
export function withEndRecord(records: Uint8Array[], offset: number, count: number): Uint8Array[] {
  const length = records.reduce((sum, r) => sum + r.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(length, 12);
  end.writeUInt32LE(offset, 16);
  return [...records, end];
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function writeCommon(b: Buffer, at: number, entry: ZipEntry, nameLength: number) {
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(UTF8_NAMES, at + 2);
  b.writeUInt16LE(entry.method, at + 4);
  b.writeUInt16LE(entry.time, at + 6);
  b.writeUInt16LE(entry.date, at + 8);
  b.writeUInt32LE(entry.crc, at + 10);
  b.writeUInt32LE(entry.data.length, at + 14);
  b.writeUInt32LE(entry.size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}
