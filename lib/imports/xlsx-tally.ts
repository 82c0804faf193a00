/**
 * What exceljs would build from an .xlsx, counted while the archive check inflates it (see
 * ./zip/checked.ts `watch`): XML elements in every part it parses, and rows in each part. exceljs
 * keeps a model object per row and cell, so a few megabytes of compressed, honestly sized XML
 * (a million one-cell rows) would cost it a minute and most of a gigabyte — refused here, before
 * it starts, against the same limits the reader applies afterwards.
 */
export type TallyLimits = { maxRowsPerSheet: number; maxElements: number };
export type TallyRefusal = "tooManyRows" | "tooManyElements";

// A start tag with its first delimiter, so a name cut at a chunk's end is not counted early.
const START_TAG = /<([A-Za-z][\w.:-]*)[\s/>]/g;
// Longer than any tag that is counted by name; a match ending in this carried tail was counted before.
const CARRY = 64;

export function xlsxTally(limits: TallyLimits) {
  let elements = 0;
  let refusal: TallyRefusal | null = null;
  const watch = (name: string) => {
    // Media (pictures) are kept as bytes by exceljs, not parsed.
    if (/(^|\/)xl\/media\//.test(name)) return undefined;
    let rows = 0;
    let carry = "";
    return (chunk: Uint8Array): boolean => {
      const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
      START_TAG.lastIndex = 0;
      for (let m = START_TAG.exec(text); m; m = START_TAG.exec(text)) {
        if (m.index + m[0].length <= carry.length) continue;
        elements++;
        if (m[1] === "row") rows++;
      }
      carry = text.slice(-CARRY);
      if (rows > limits.maxRowsPerSheet) refusal = "tooManyRows";
      else if (elements > limits.maxElements) refusal = "tooManyElements";
      return refusal === null;
    };
  };
  return { watch, refusal: () => refusal, elements: () => elements };
}
