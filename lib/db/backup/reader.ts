import { createHash } from "node:crypto";
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { BackupError } from "./errors";
import { FORMAT, FORMAT_VERSION, headerSchema, tableMarkerSchema, trailerSchema, type BackupHeader, type BackupTrailer } from "./format";

const BATCH_LINES = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

export type ScanHandlers = {
  /** Called once, after the header is read and checked. */
  header?: (header: BackupHeader) => Promise<void> | void;
  /** Row lines of one table, in batches (never a whole big table at once). */
  rows?: (table: string, lines: string[]) => Promise<void>;
  /** Called after a table's last row. */
  tableEnd?: (table: string, rows: number) => void;
};

const corrupt = (en: string) => new BackupError(`备份文件已损坏或不完整：${en}`, `The backup file is damaged or incomplete: ${en}`);

async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  fs.createReadStream(file)
    .on("error", (e) => gunzip.destroy(e))
    .pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split("\n");
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new BackupError(`找不到备份文件：${file}`, `No such backup file: ${file}`);
    throw corrupt(`${(e as Error).message} (gzip)`);
  }
  rest += decoder.end();
  if (rest) throw corrupt("the last line has no line end (truncated)");
}

function parse<T>(line: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw corrupt(`${what} is not JSON`);
  }
  const r = schema.safeParse(value);
  if (!r.success) throw corrupt(`${what} is malformed`);
  return r.data;
}

/**
 * Reads a backup file from start to end, checking its structure, every table's row count and
 * sha256, and the header's sha256 against the last line. Throws BackupError on the first
 * disagreement; a handler that has written anything must therefore run inside a transaction.
 */
export async function scanBackup(file: string, handlers: ScanHandlers = {}): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | undefined;
  let headerSha = "";
  let trailer: BackupTrailer | undefined;
  const seen: { name: string; rows: number; sha256: string }[] = [];
  let current: { name: string; rows: number; hash: ReturnType<typeof createHash>; batch: string[]; chars: number } | undefined;

  const flush = async () => {
    if (current?.batch.length && handlers.rows) await handlers.rows(current.name, current.batch);
    if (current) {
      current.batch = [];
      current.chars = 0;
    }
  };
  const closeTable = async () => {
    if (!current) return;
    await flush();
    seen.push({ name: current.name, rows: current.rows, sha256: current.hash.digest("hex") });
    handlers.tableEnd?.(current.name, current.rows);
    current = undefined;
  };

  for await (const line of lines(file)) {
    if (trailer) throw corrupt("data after the last line");
    if (!header) {
      const raw = parse<{ format?: unknown; version?: unknown }>(line, { safeParse: (v) => ({ success: true, data: v as object }) }, "the header");
      if (raw.format !== FORMAT) throw new BackupError("这不是技工院校名录的备份文件。", "This is not a registry backup file.");
      if (raw.version !== FORMAT_VERSION)
        throw new BackupError(
          `备份格式版本 ${String(raw.version)} 不受支持（支持 ${FORMAT_VERSION}）。`,
          `Backup format version ${String(raw.version)} is not supported (this code reads ${FORMAT_VERSION}).`,
        );
      header = parse(line, headerSchema, "the header");
      headerSha = createHash("sha256").update(line).digest("hex");
      await handlers.header?.(header);
    } else if (line.startsWith("[")) {
      if (!current) throw corrupt("rows before any table");
      current.hash.update(line).update("\n");
      current.rows++;
      current.batch.push(line);
      current.chars += line.length;
      if (current.batch.length >= BATCH_LINES || current.chars >= BATCH_CHARS) await flush();
    } else if (line.startsWith('{"table"')) {
      await closeTable();
      const { table } = parse(line, tableMarkerSchema, "a table line");
      const expected = header.tables[seen.length]?.name;
      if (table !== expected) throw corrupt(`table "${table}" where "${expected ?? "the end"}" was expected`);
      current = { name: table, rows: 0, hash: createHash("sha256"), batch: [], chars: 0 };
    } else if (line.startsWith('{"end"')) {
      await closeTable();
      trailer = parse(line, trailerSchema, "the last line").end;
    } else {
      throw corrupt("an unrecognised line");
    }
  }
  if (!header || !trailer) throw corrupt("the file ends before its last line (truncated)");
  if (trailer.headerSha256 !== headerSha) throw corrupt("the header's checksum does not match");
  if (seen.length !== header.tables.length || trailer.tables.length !== header.tables.length) throw corrupt("tables are missing");
  seen.forEach((s, i) => {
    const t = trailer!.tables[i];
    if (t.name !== s.name || t.rows !== s.rows || t.sha256 !== s.sha256) {
      throw corrupt(`table "${s.name}": ${s.rows} rows read, sha256 ${s.sha256.slice(0, 12)}…; the file records ${t.rows} rows, ${t.sha256.slice(0, 12)}…`);
    }
  });
  return { header, trailer };
}
