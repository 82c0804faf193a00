/**
 * Evidence attachments are PDFs up to 10 MB, recognised by their content — the "%PDF-" signature
 * at the start — never by the file name or the browser's stated type.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_APPLICATION = 20;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

export type AttachmentProblem = "empty" | "tooLarge" | "notPdf" | "quota";

/**
 * The problem of an upload seen so far: `size` bytes received, beginning with `head` (its first
 * bytes, up to five), `room` bytes left under the account's quota (null: no quota), `done` when
 * the whole file has arrived. Asked after every piece, so a refused file stops being read at once.
 */
export function attachmentProblem(head: Uint8Array, size: number, room: number | null, done: boolean): AttachmentProblem | null {
  if (size > MAX_ATTACHMENT_BYTES) return "tooLarge";
  if (room !== null && size > room) return "quota";
  if (head.length >= PDF_MAGIC.length || done) {
    if (done && size === 0) return "empty";
    if (!isPdf(head)) return "notPdf";
  }
  return null;
}

/** A display name kept from the upload: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-120);
  return cleaned || "attachment.pdf";
}
