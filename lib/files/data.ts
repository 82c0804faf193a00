import { db } from "@/lib/db/client";

/**
 * Reads of stored files. A download is a ReadableStream that fetches the next chunk row only
 * when the reader asks for it (highWaterMark 0): one chunk in memory at a time, however large the
 * file. Files never change once written, so the chunks need no common snapshot.
 */
export function fileStream(fileId: string, sizeBytes: number): ReadableStream<Uint8Array> {
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await db().storedFileChunk.findUnique({ where: { fileId_seq: { fileId, seq } }, select: { data: true } });
        if (!chunk) {
          if (sent === sizeBytes) controller.close();
          else controller.error(new Error(`stored file ${fileId}: ${sent} of ${sizeBytes} bytes found`));
          return;
        }
        seq += 1;
        sent += chunk.data.length;
        controller.enqueue(chunk.data);
      },
    },
    { highWaterMark: 0 },
  );
}

/** A whole small file (a release's JSON the next release compares with); null when there is none. */
export async function readFileBytes(fileId: string): Promise<Uint8Array | null> {
  const file = await db().storedFile.findUnique({ where: { id: fileId }, select: { sizeBytes: true } });
  if (!file) return null;
  const out = new Uint8Array(file.sizeBytes);
  const reader = fileStream(fileId, file.sizeBytes).getReader();
  for (let at = 0, r = await reader.read(); !r.done; r = await reader.read()) {
    out.set(r.value, at);
    at += r.value.length;
  }
  return out;
}
