import "server-only";
import { authorize } from "@/lib/auth/gates";
import { runWrite } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { MultipartError, multipartFile } from "@/lib/files/multipart";
import { requestContext } from "@/lib/request/context";
import { revalidateSelection } from "../revalidate";
import type { IncomingFile } from "./mutations";
import { addAttachment } from "./mutations";
import { MAX_ATTACHMENT_BYTES } from "./rules";

/** The file plus the multipart envelope around it. */
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;
/** How long an upload's transaction may stay open while its body arrives (a slow link, 10 MB). */
const UPLOAD_TIMEOUT_MS = 120_000;

const tooLarge = (): never => refuse("VALIDATION", { reason: "attachment.tooLarge" });

/** The request's "file" part, read as it arrives (lib/files/multipart.ts); a broken body is refused. */
async function incomingFile(request: Request): Promise<IncomingFile> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) tooLarge();
  const part = await multipartFile(request, { field: "file", maxBodyBytes: MAX_BODY_BYTES, tooLarge }).catch(brokenBody);
  if (!part) refuse("VALIDATION", { reason: "attachment.empty" });
  return { fileName: part.fileName, bytes: guarded(part.bytes) };
}

async function* guarded(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* bytes;
  } catch (e) {
    brokenBody(e);
  }
}

function brokenBody(e: unknown): never {
  if (e instanceof MultipartError || (e instanceof TypeError && /terminated|aborted/i.test(e.message))) {
    refuse("VALIDATION", { reason: "attachment.incomplete" });
  }
  throw e;
}

/**
 * Upload of one evidence PDF to a draft application (multipart POST; a route handler, since
 * server actions cap bodies at 1 MB and buffer them). Check first, store after: the gate, then
 * one transaction (./mutations.ts `addAttachment`) that checks whether this account may add
 * evidence to this application now (scope, draft, open batch, count, quota) before a byte of the
 * body is read, then streams the file into stored chunks and records it.
 */
export async function uploadAttachment(applicationId: string, request: Request) {
  await authorize("POST /console/selection/applications/[id]/attachments");
  const { actor, scope, now, clientAddress } = await requestContext();
  if (!actor || !scope) refuse("FORBIDDEN");
  const base = { actor, scope, now, clientAddress };
  const { data } = await runWrite(base, (ctx) => addAttachment(ctx, { applicationId, open: () => incomingFile(request) }), {
    timeout: UPLOAD_TIMEOUT_MS,
  });
  revalidateSelection();
  return data;
}
