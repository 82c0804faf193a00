/**
 * A small RFC 4180 CSV reader and writer (no dependency: the only CSV parser in node_modules is a
 * transitive one of exceljs). Quoted fields may hold the delimiter, doubled quotes and line breaks;
 * CRLF, LF and lone CR all end a record. The delimiter is guessed from the first line when not given
 * (Excel writes ";" in some locales and tabs for "Unicode text").
 */
export type CsvRecord = { line: number; cells: string[] };

export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ",";
}

/**
 * Parses CSV text into records; `line` is the 1-based record number (what Excel shows as the row).
 * Stops after `maxRecords + 1` records (the caller sees one too many and refuses): a 10 MB file of
 * line breaks is ten million records, gigabytes as objects.
 */
export function parseCsv(text: string, delimiter = guessDelimiter(text), maxRecords = Infinity): CsvRecord[] {
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    out.push({ line: out.length + 1, cells });
    cells = [];
  };
  while (i < n && out.length <= maxRecords) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    // A stray quote inside an unquoted field is kept as text (lenient, like Excel).
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (out.length <= maxRecords && (fieldStarted || field !== "" || cells.length > 0)) endRecord();
  return out;
}

/** Quotes a field when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ","): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][], delimiter = ","): string {
  return rows.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}
