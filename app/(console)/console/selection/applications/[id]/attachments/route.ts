import { Refusal, httpStatus } from "@/lib/errors";
import { isCrossOriginWrite } from "@/lib/security/cross-origin";
import { uploadAttachment } from "@/lib/selection/attachments/upload";

/**
 * POST multipart (field "file"): adds an evidence PDF to a draft application. A plain form post
 * is redirected back to the application (303) with the outcome; fetch callers get JSON.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const back = (q: string) => new Response(null, { status: 303, headers: { Location: `/console/selection/applications/${encodeURIComponent(id)}?${q}` } });
  // proxy.ts refuses cross-site writes first; the route checks again with the same rule (defence in depth).
  if (isCrossOriginWrite(request.method, request.headers)) return Response.json({ ok: false, code: "FORBIDDEN" }, { status: 403 });
  try {
    const r = await uploadAttachment(id, request);
    return wantsJson ? Response.json({ ok: true, data: r }) : back("uploaded=1");
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const reason = typeof e.detail?.reason === "string" ? e.detail.reason : "";
    return wantsJson
      ? Response.json({ ok: false, code: e.code, detail: e.detail }, { status: httpStatus[e.code] })
      : back(`error=${encodeURIComponent(e.code)}&reason=${encodeURIComponent(reason)}`);
  }
}
