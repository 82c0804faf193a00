import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Files live under DATA_DIR/attachments/<sha256>.pdf: content-addressed, written once (temp file
 * then rename), never overwritten or deleted. The database row names the file by its hash.
 */
export function attachmentsDir(): string {
  return path.resolve(env().DATA_DIR, "attachments");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

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
