/**
 * What an upload really is, from its first bytes — never from its file name.
 * .xlsx is a ZIP container; the old binary .xls is an OLE2 compound file (not supported: the
 * message asks to save as .xlsx); anything with NUL bytes or many control characters is not text.
 */
export type Sniffed = "empty" | "xlsx" | "xls" | "binary" | "text";

const magic: [Sniffed, number[]][] = [
  ["xlsx", [0x50, 0x4b, 0x03, 0x04]],
  ["xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ["binary", [0x25, 0x50, 0x44, 0x46]], // %PDF
  ["binary", [0x89, 0x50, 0x4e, 0x47]], // PNG
  ["binary", [0xff, 0xd8, 0xff]], // JPEG
  ["binary", [0x47, 0x49, 0x46, 0x38]], // GIF
  ["binary", [0x1f, 0x8b]], // gzip
  ["binary", [0x52, 0x61, 0x72, 0x21]], // RAR
  ["binary", [0x37, 0x7a, 0xbc, 0xaf]], // 7z
];

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  for (const [kind, sig] of magic) if (sig.every((b, i) => bytes[i] === b)) return kind;
  // UTF-16 text has NUL bytes by nature; its BOM says so.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return "text";
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return "binary";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0) control++;
  }
  if (control / sample.length > 0.05) return "binary";
  return "text";
}
