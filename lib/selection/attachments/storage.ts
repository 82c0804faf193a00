import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Files live under DATA_DIR/attachments/<sha256>.pdf: content-addressed, written once (temp file
 * then rename), never overwritten. The database row names the file by its hash. This module is
 * the only one that knows the bytes are files (issue 14 moves them into PostgreSQL); the rows and
 * the order of writing are in ./mutations.ts, the removal of unreferenced files in ./sweep.ts.
 */
const HASH_NAME = /^([0-9a-f]{64})\.pdf$/;
const TEMP_NAME = /^\.[0-9a-f-]{36}\.tmp$/;

export function attachmentsDir(): string {
  return path.resolve(env().DATA_DIR, "attachments");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the file (if no file has these bytes yet) and returns its hash. */
export async function storeAttachment(bytes: Uint8Array): Promise<string> {
  const sha = sha256Hex(bytes);
  const dir = attachmentsDir();
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${sha}.pdf`);
  try {
    await fs.access(file);
    return sha;
  } catch {
    const tmp = path.join(dir, `.${randomUUID()}.tmp`);
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
    return sha;
  }
}

export async function readAttachment(sha: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(sha)) return null;
  try {
    return await fs.readFile(path.join(attachmentsDir(), `${sha}.pdf`));
  } catch {
    return null;
  }
}

/** What the attachments folder holds: stored files by hash, and temp files of writes (by age). */
export type StoredFile = { name: string; sha256: string | null; modifiedMs: number };

export async function listStoredFiles(): Promise<StoredFile[]> {
  const dir = attachmentsDir();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((name) => HASH_NAME.test(name) || TEMP_NAME.test(name))
      .map(async (name) => {
        const stat = await fs.stat(path.join(dir, name)).catch(() => null);
        return stat?.isFile() ? { name, sha256: HASH_NAME.exec(name)?.[1] ?? null, modifiedMs: stat.mtimeMs } : null;
      }),
  );
  return files.filter((f): f is StoredFile => f !== null);
}

export async function removeStoredFile(name: string): Promise<void> {
  if (!HASH_NAME.test(name) && !TEMP_NAME.test(name)) throw new Error(`not an attachment file: ${name}`);
  await fs.rm(path.join(attachmentsDir(), name), { force: true });
}
