/**
 * The entries of a ZIP (an .xlsx) as its central directory and local headers describe them, with
 * every structural check that needs no inflating: one disk, no ZIP64, no encryption, deflate or
 * stored only, names that are UTF-8 and unique, every entry's header and data inside the file and
 * before the directory, and no two entries sharing bytes (overlapping entries are how a small
 * archive declares honest sizes that add up to gigabytes). The sizes are still only declared:
 * ./checked.ts inflates each entry to prove them.
 */
export type ZipEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  /** Declared uncompressed size (proved by inflating). */
  size: number;
  time: number;
  date: number;
  /** The compressed bytes, a view into the upload. */
  data: Uint8Array;
};

/** `zip: false`: no end record at all — the file is no ZIP, rather than a damaged one. */
export type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; zip: boolean; why: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001 | 0x0040; // traditional and strong encryption
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function readDirectory(bytes: Uint8Array, maxEntries: number): Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const refuse = (why: string, zip = true): Directory => ({ ok: false, zip, why });
  // End-of-central-directory record: within the last 64 KiB (its comment) + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return refuse("no end of central directory", false);
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirStart = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) return refuse("multi-disk archive");
  if (count === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) return refuse("ZIP64 archive");
  if (count > maxEntries) return refuse(`${count} entries (at most ${maxEntries})`);
  if (dirStart + dirSize > eocd) return refuse("central directory outside the file");

  const entries: ZipEntry[] = [];
  const spans: [number, number][] = [];
  const names = new Set<string>();
  const dirEnd = dirStart + dirSize;
  for (let e = 0, p = dirStart; e < count; e++) {
    if (p + 46 > dirEnd || u32(p) !== CENTRAL) return refuse("broken central directory");
    const [flags, method, time, date, crc] = [u16(p + 8), u16(p + 10), u16(p + 12), u16(p + 14), u32(p + 16)];
    const [compressed, size, nameLength, local] = [u32(p + 20), u32(p + 24), u16(p + 28), u32(p + 42)];
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    p += 46 + nameLength + u16(p + 30) + u16(p + 32);
    if (p > dirEnd) return refuse("broken central directory");
    if (flags & ENCRYPTED) return refuse("encrypted entry");
    if (method !== STORED && method !== DEFLATED) return refuse(`compression method ${method}`);
    if (compressed === 0xffffffff || size === 0xffffffff) return refuse("ZIP64 entry");
    if (method === STORED && compressed !== size) return refuse("stored entry with two sizes");
    const name = decodeName(rawName);
    // exceljs drops one leading "/": "/a" and "a" are the same part.
    const key = name.replace(/^\//, "");
    if (!key || key.includes("\0")) return refuse("entry name empty or not UTF-8");
    if (names.has(key)) return refuse(`duplicate entry ${key}`);
    names.add(key);
    if (local + 30 > dirStart || u32(local) !== LOCAL) return refuse(`no local header for ${key}`);
    if (u16(local + 8) !== method || u16(local + 6) & ENCRYPTED) return refuse(`local header of ${key} disagrees`);
    const localNameEnd = local + 30 + u16(local + 26);
    if (Buffer.compare(bytes.subarray(local + 30, localNameEnd), rawName) !== 0) return refuse(`local header of ${key} names another entry`);
    const start = localNameEnd + u16(local + 28);
    if (start + compressed > dirStart) return refuse(`data of ${key} outside the file`);
    entries.push({ name, method: method as ZipEntry["method"], crc, size, time, date, data: bytes.subarray(start, start + compressed) });
    spans.push([local, start + compressed]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  if (spans.some(([, end], i) => i + 1 < spans.length && end > spans[i + 1][0])) return refuse("entries share bytes");
  return { ok: true, entries };
}

/** The name as UTF-8, "" when it is not (part names of an .xlsx are ASCII). */
function decodeName(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    return "";
  }
}
