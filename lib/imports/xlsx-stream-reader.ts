import type { Readable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * exceljs's streaming WorkbookReader with two differences from its loader repaired, so that a
 * streamed file reads exactly as a loaded one:
 * - It decodes each inflated chunk to text on its own (utils/parse-sax.js), so a character whose
 *   UTF-8 bytes straddle two chunks came out as two U+FFFD ("〔" in 审批文号 did, in an export
 *   re-imported). Here every part reaches the parser as text decoded across chunk ends: entries
 *   get a stream encoding, sheets an iterator that decodes with `stream: true`.
 * - Its shared strings keep Excel's `_xHHHH_` escapes (a line break is `_x000D_`), which the
 *   loader turned back into characters; they are decoded once the shared strings are read.
 */
export type StreamSheet = ExcelJS.stream.xlsx.WorksheetReader & { id: number | string };
type RichText = { richText: { text: string | null }[] };
type Internals = {
  model?: { sheets?: { id: number }[] };
  sharedStrings?: (string | null | RichText)[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<StreamSheet>;
};
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => Internals;

const ESCAPE = /_x([0-9A-F]{4})_/g;
const unescape = (s: string | null) => s?.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) ?? s;

async function* decoded(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

export class XlsxStreamReader extends Base {
  constructor(input: Readable) {
    super(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  }

  _parseRels(entry: Readable) {
    return super._parseRels(entry.setEncoding("utf8"));
  }

  _parseWorkbook(entry: Readable) {
    return super._parseWorkbook(entry.setEncoding("utf8"));
  }

  _parseStyles(entry: Readable) {
    return super._parseStyles(entry.setEncoding("utf8"));
  }

  async *_parseSharedStrings(entry: Readable) {
    yield* super._parseSharedStrings(entry.setEncoding("utf8"));
    for (const [i, s] of (this.sharedStrings ?? []).entries()) {
      if (typeof s === "string") this.sharedStrings![i] = unescape(s);
      else if (s?.richText) for (const r of s.richText) r.text = unescape(r.text);
    }
  }

  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
    return super._parseWorksheet(decoded(iterator), sheetNo);
  }
}
