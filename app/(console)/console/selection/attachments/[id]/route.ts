import { Refusal, httpStatus } from "@/lib/errors";
import { attachmentDownload } from "@/lib/selection/attachments/download";

export const dynamic = "force-dynamic";

/** GET: an evidence PDF, to those allowed to see its application (see attachmentDownload). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const { fileName, sizeBytes, body } = await attachmentDownload(id);
    return new Response(body, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Content-Length": String(sizeBytes),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof Refusal) return Response.json({ ok: false, code: e.code }, { status: httpStatus[e.code] });
    throw e;
  }
}
