import { gunzipSync, gzipSync } from "node:zlib";
import type { ParsedRow } from "./read";

/** An ImportJob keeps the parsed rows of its upload as gzip-compressed JSON (the commit re-reads them). */
export function packRows(rows: ParsedRow[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify(rows)));
}

export function unpackRows(payload: Uint8Array): ParsedRow[] {
  return JSON.parse(gunzipSync(payload).toString("utf8")) as ParsedRow[];
}
