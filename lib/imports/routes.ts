import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { Refusal, httpStatus, type ErrorCode } from "@/lib/errors";
import { listAuthorities } from "@/lib/authorities/data";
import { writeAs } from "@/lib/actions/define";
import { isCrossOriginWrite } from "@/lib/security/cross-origin";
import { listDivisions } from "@/lib/schools/data";
import { contentDisposition } from "@/lib/exports/filename";
import { importKinds } from "./columns";
import { encodingChoices } from "./encoding";
import { renderSummary } from "./render";
import { MAX_UPLOAD_BYTES } from "./limits";
import { createImportJob, IMPORT_TIMEOUT_MS } from "./mutations";
import { readUpload } from "./read";
import { buildTemplate } from "./template";

/**
 * Route handlers of the import (a route, not a server action: uploads are up to 10 MB, above the
 * server-action body limit). Each gates itself. The upload answers in NDJSON lines so that the
 * page can show "checking N rows" while the dry run runs:
 *   {"phase":"checking","rows":N} … {"phase":"done","jobId":…,"summary":…} | {"phase":"error",…}
 */
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function errorResponse(code: ErrorCode, detail?: Record<string, unknown>): Response {
  return Response.json({ ok: false, code, ...(detail ? { detail } : {}) }, { status: httpStatus[code], headers: { "Cache-Control": "no-store" } });
}

const uploadFieldsSchema = z.object({
  kind: z.enum(importKinds),
  encoding: z.enum(encodingChoices).default("auto"),
});

export async function uploadRoute(request: Request): Promise<Response> {
  let user;
  try {
    user = await authorize("POST /console/imports/upload");
  } catch (e) {
    if (e instanceof Refusal) return errorResponse(e.code);
    throw e;
  }
  if (isCrossOriginWrite(request.method, request.headers)) return errorResponse("FORBIDDEN");
  getAuthorityScope(user);
  const tImports = await getTranslations("imports");
  const tValidation = await getTranslations("validation");
  const refuse = (key: string, params?: Record<string, string | number>) =>
    Response.json({ phase: "error", error: { key, params, message: tImports(`read.${key}`, params) } }, { status: key === "tooLarge" ? 413 : 400 });

  // The whole request must fit in 10 MiB: proxy.ts makes Next buffer request bodies, and it cuts
  // them off at experimental.proxyClientMaxBodySize (10 MiB by default) — a cut body is no file.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES) return refuse("tooLarge", { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("notSpreadsheet");
  }
  const fields = uploadFieldsSchema.safeParse({ kind: form.get("kind"), encoding: form.get("encoding") || undefined });
  const file = form.get("file");
  if (!fields.success) return errorResponse("VALIDATION");
  if (!(file instanceof File) || file.size === 0) return refuse("empty");
  if (file.size > MAX_UPLOAD_BYTES) return refuse("tooLarge", { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });

  const kind = fields.data.kind;
  const encoding = fields.data.encoding;
  const fileName = file.name.slice(0, 200) || "upload";
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        send({ phase: "reading" });
        const read = await readUpload(new Uint8Array(await file.arrayBuffer()), kind, encoding);
        if (!read.ok) {
          send({ phase: "error", error: { ...read.error, message: tImports(`read.${read.error.key}`, read.error.params) } });
        } else {
          send({ phase: "checking", rows: read.rows.length, format: read.format, encoding: read.encoding, unknownHeaders: read.unknownHeaders });
          const { data: job } = await writeAs(
            user,
            (ctx) => createImportJob(ctx, { kind, fileName, format: read.format, encoding: read.encoding, rows: read.rows, fields: read.fields }),
            { timeout: IMPORT_TIMEOUT_MS, source: "import" },
          );
          send({ phase: "done", jobId: job.id, summary: renderSummary(job.summary, tValidation) });
        }
      } catch (e) {
        console.error("import dry run failed", e);
        send({ phase: "error", error: { key: "failed", message: tImports("read.failed") } });
      }
      controller.close();
    },
  });
  // no-transform: a compressing proxy must not hold the progress lines back.
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform" } });
}

export async function templateRoute(request: Request): Promise<Response> {
  let user;
  try {
    user = await authorize("GET /console/imports/template");
  } catch (e) {
    if (e instanceof Refusal) return errorResponse(e.code);
    throw e;
  }
  const kind = z.enum(importKinds).catch("schools").parse(new URL(request.url).searchParams.get("kind"));
  const t = await getTranslations("imports");
  const [authorities, divisions] = await Promise.all([listAuthorities(), listDivisions(user.authorityId)]);
  const mine = user.role === "PROVINCE_OFFICER" ? authorities.filter((a) => a.id === user.authorityId) : authorities;
  const shortOf = new Map(authorities.map((a) => [a.id, a.shortZh]));
  const body = await buildTemplate(kind, (k, p) => t(k, p), {
    authorities: mine,
    divisions: divisions.map((d) => ({ code: d.code, nameZh: d.nameZh, authorityShort: shortOf.get(d.authorityId) ?? "" })),
  });
  const stem = kind === "schools" ? "院校导入模板" : "院校专业导入模板";
  const ascii = kind === "schools" ? "school-import-template" : "school-major-import-template";
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": XLSX, "Content-Disposition": contentDisposition(`${stem}.xlsx`, `${ascii}.xlsx`), "Cache-Control": "no-store" },
  });
}
