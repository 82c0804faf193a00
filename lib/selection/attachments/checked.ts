import "server-only";
import { env } from "@/lib/env";
import { refuse } from "@/lib/errors";
import { attachmentProblem } from "./rules";

/**
 * An upload's bytes passed on as they arrive, refused (VALIDATION, reason "attachment.<problem>")
 * at the first piece that makes them too large, over the account's quota or not a PDF, and at the
 * end when empty: the stored chunks written so far roll back with the upload's transaction.
 */
export async function* checkedPdf(source: AsyncIterable<Uint8Array>, room: number | null): AsyncGenerator<Uint8Array> {
  let head = new Uint8Array(0);
  let size = 0;
  const check = (done: boolean) => {
    const problem = attachmentProblem(head, size, room, done);
    if (problem === "quota") refuse("VALIDATION", { reason: "attachment.quota", quotaMb: env().ATTACHMENT_QUOTA_MB_PER_DAY });
    if (problem) refuse("VALIDATION", { reason: `attachment.${problem}` });
  };
  for await (const piece of source) {
    size += piece.length;
    if (head.length < 5) head = Uint8Array.from([...head, ...piece.subarray(0, 5 - head.length)]);
    check(false);
    yield piece;
  }
  check(true);
}
