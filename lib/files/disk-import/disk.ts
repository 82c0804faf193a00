import fs from "node:fs";
import path from "node:path";

/**
 * What the data folder held before files moved into the database (docs/decisions/0070):
 * DATA_DIR/attachments/<sha256>.pdf (content-addressed, written once; ".<uuid>.tmp" while being
 * written) and DATA_DIR/releases/<slug>/<name> (".staging-…" folders while being published).
 */
export const ATTACHMENT_NAME = /^([0-9a-f]{64})\.pdf$/;
export type DiskFile = { name: string; path: string };

export function legacyFolders(dataDir: string) {
  return { attachments: path.resolve(dataDir, "attachments"), releases: path.resolve(dataDir, "releases") };
}

/** The entries of a folder (files or folders as asked), none when it does not exist. */
export function entries(dir: string, kind: "file" | "dir"): DiskFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => (kind === "file" ? e.isFile() : e.isDirectory()))
    .map((e) => ({ name: e.name, path: path.join(dir, e.name) }));
}

/** A file's bytes as a stream of pieces (never the whole file in memory). */
export const fileSource = (p: string): AsyncIterable<Uint8Array> => fs.createReadStream(p, { highWaterMark: 64 * 1024 });

export const remove = (p: string) => fs.rmSync(p, { recursive: true, force: true });

/** Removes a folder once nothing is left in it: DATA_DIR then holds only the embedded database. */
export function removeIfEmpty(dir: string) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}
