/**
 * One file field of a multipart/form-data body, read as it arrives: the part's headers are
 * parsed, then its bytes are handed on piece by piece up to the next boundary (only a boundary's
 * length of bytes is held back), so an upload is never in memory whole. Other fields are skipped.
 * `tooLarge` is called (and must throw) once the body passes `maxBodyBytes`, whatever
 * Content-Length said.
 */
export type FilePart = { fileName: string; bytes: AsyncGenerator<Uint8Array> };
type Options = { field: string; maxBodyBytes: number; tooLarge: () => never };

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF2 = Buffer.from("\r\n\r\n");

export function boundaryOf(contentType: string): string | null {
  const m = /^multipart\/form-data\b.*?;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

function fileNameOf(headers: string): { name: string; fileName: string | null } | null {
  const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1];
  if (!disposition) return null;
  const param = (key: string) => new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition)?.[1];
  const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  const plain = param("filename");
  const fileName = extended ? decodeURIComponent(extended) : plain !== undefined ? plain.replace(/%22/g, '"') : null;
  return { name: param("name") ?? "", fileName };
}

export async function multipartFile(request: Request, opts: Options): Promise<FilePart | null> {
  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  if (!boundary || !request.body) return null;
  // The body as if it began with a line end: every delimiter is then "\r\n--boundary".
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const reader = request.body.getReader();
  let buf = Buffer.from("\r\n");
  let received = 0;
  let ended = false;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const r = await reader.read();
    if (r.done) return !(ended = true);
    received += r.value.byteLength;
    if (received > opts.maxBodyBytes) {
      await reader.cancel().catch(() => {});
      opts.tooLarge();
    }
    buf = buf.length ? Buffer.concat([buf, r.value]) : Buffer.from(r.value);
    return true;
  };
  /** Bytes up to the next delimiter, in pieces; `buf` is left just after it. Throws at a truncated body. */
  async function* untilDelimiter(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = buf.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) yield Uint8Array.prototype.slice.call(buf, 0, at);
        buf = buf.subarray(at + delimiter.length);
        return;
      }
      const keep = Math.min(buf.length, delimiter.length - 1);
      if (buf.length > keep) {
        yield Uint8Array.prototype.slice.call(buf, 0, buf.length - keep);
        buf = buf.subarray(buf.length - keep);
      }
      if (!(await more())) throw new MultipartError("the body ends inside a part");
    }
  }
  for await (const preamble of untilDelimiter()) void preamble;
  for (;;) {
    while (buf.length < 2) if (!(await more())) return null;
    if (buf[0] === 0x2d && buf[1] === 0x2d) return null; // "--": the closing delimiter, no file part
    let end = buf.indexOf(CRLF2);
    while (end < 0) {
      if (buf.length > MAX_HEADER_BYTES || !(await more())) return null;
      end = buf.indexOf(CRLF2);
    }
    const part = fileNameOf(buf.subarray(0, end).toString("utf8"));
    buf = buf.subarray(end + CRLF2.length);
    if (part?.name === opts.field && part.fileName !== null) return { fileName: part.fileName, bytes: untilDelimiter() };
    for await (const skipped of untilDelimiter()) void skipped;
  }
}

export class MultipartError extends Error {}
