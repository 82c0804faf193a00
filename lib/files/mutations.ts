import { createHash } from "node:crypto";
import type { Tx } from "../db/client";
import { bytesSource, rechunk } from "./chunks";

/**
 * Writes a file's bytes into the database as they arrive, one chunk row at a time, in the
 * caller's transaction: a refusal or failure mid-stream rolls back every chunk with the rest of
 * the write, so no file is ever half there or unowned (docs/decisions/0070). Returns the file's
 * id, size and sha256 (computed while writing). No "server-only": `db:deploy` imports files with it.
 */
export type StoredFileRef = { id: string; sizeBytes: number; sha256: string };

export async function storeFile(tx: Tx, source: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredFileRef> {
  const { id } = await tx.storedFile.create({ data: { sizeBytes: 0, sha256: "", contentType }, select: { id: true } });
  const hash = createHash("sha256");
  let sizeBytes = 0;
  let seq = 0;
  for await (const data of rechunk(source)) {
    hash.update(data);
    sizeBytes += data.length;
    await tx.storedFileChunk.create({ data: { fileId: id, seq: seq++, data }, select: { seq: true } });
  }
  const sha256 = hash.digest("hex");
  await tx.storedFile.update({ where: { id }, data: { sizeBytes, sha256 }, select: { id: true } });
  return { id, sizeBytes, sha256 };
}

export const storeBytes = (tx: Tx, bytes: Uint8Array, contentType: string) => storeFile(tx, bytesSource(bytes), contentType);
