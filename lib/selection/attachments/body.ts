import "server-only";
import { refuse } from "@/lib/errors";

/**
 * The multipart form of a request, read with a cap on the bytes actually received: a missing or
 * false Content-Length (a chunked body) cannot make the server buffer more than `maxBytes`.
 */
export async function cappedFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) refuse("VALIDATION", { reason: "attachment.tooLarge" });
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      received += r.value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        refuse("VALIDATION", { reason: "attachment.tooLarge" });
      }
      chunks.push(r.value);
    }
  }
  const body = new Blob(chunks as BlobPart[]);
  try {
    return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    refuse("VALIDATION", { reason: "attachment.empty" });
  }
}
