import iconv from "iconv-lite";

/**
 * Text encodings of uploaded CSV files. Excel in China saves "CSV" as GB18030/GBK; "CSV UTF-8"
 * adds a BOM; other tools write UTF-8 without one. Detection order: a BOM decides; otherwise
 * strict UTF-8 decoding succeeds or not; when several readings are possible, the one whose first
 * lines contain more of the expected column headers wins (this also repairs UTF-8 text that was
 * once mis-read as GBK and saved again — the classic 乱码 "闄㈡牎鍚嶇О").
 */
export const encodingChoices = ["auto", "utf-8", "gb18030"] as const;
export type EncodingChoice = (typeof encodingChoices)[number];
export type DetectedEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be" | "utf-8-repaired";

export type Decoded = { text: string; encoding: DetectedEncoding; /** bytes that were not valid in the chosen encoding */ invalid: boolean };

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** How many of the expected headers appear in the first lines, then the share of ordinary CJK text. */
export function textScore(text: string, knownHeaders: readonly string[]): number {
  const head = text.slice(0, 4000);
  const hits = knownHeaders.filter((h) => head.includes(h)).length;
  let nonAscii = 0;
  let common = 0;
  for (const ch of head) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) common++;
  }
  return hits * 10 + (nonAscii ? common / nonAscii : 1);
}

export function decodeText(bytes: Uint8Array, choice: EncodingChoice, knownHeaders: readonly string[] = []): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), "utf-8-bom");
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le", invalid: false };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be", invalid: false };
  if (choice === "utf-8") return decodeUtf8(bytes, "utf-8");
  if (choice === "gb18030") return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "gb18030", invalid: false };

  const gb = { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "gb18030" as const, invalid: false };
  if (!isValidUtf8(bytes)) return gb;
  const utf8 = decodeUtf8(bytes, "utf-8");
  if (!/[^\x00-\x7f]/.test(utf8.text)) return utf8;
  // Valid UTF-8 is kept unless another reading finds more of the expected headers.
  const hits = (text: string) => Math.floor(textScore(text, knownHeaders) / 10);
  const utf8Hits = hits(utf8.text);
  const gbHits = hits(gb.text);
  const repairedHits = hits(repairGbkMojibake(utf8.text.slice(0, 4000)));
  if (repairedHits > utf8Hits && repairedHits >= gbHits) return { text: repairGbkMojibake(utf8.text), encoding: "utf-8-repaired", invalid: false };
  return gbHits > utf8Hits ? gb : utf8;
}

function decodeUtf8(bytes: Uint8Array, encoding: "utf-8" | "utf-8-bom"): Decoded {
  return { text: utf8Lenient.decode(bytes), encoding, invalid: !isValidUtf8(bytes) };
}

/**
 * UTF-8 text once decoded as GBK and saved again: encode back to GBK bytes and read them as UTF-8.
 * The garbling usually lost a few bytes (an odd byte at a field's end becomes "?"), so the reading
 * is lenient: the caller keeps it only when it finds more expected headers than the other readings.
 */
export function repairGbkMojibake(text: string): string {
  return utf8Lenient.decode(iconv.encode(text, "gb18030"));
}
