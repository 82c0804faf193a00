import "server-only";
import { authorize } from "@/lib/auth/gates";
import { runWrite } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { requestContext } from "@/lib/request/context";
import { revalidateSelection } from "../revalidate";
import { cappedFormData } from "./body";
import { addAttachment, assertAttachable } from "./mutations";
import { attachmentProblem, cleanFileName, MAX_ATTACHMENT_BYTES } from "./rules";
import { sweepAfterUpload } from "./sweep";

/** The file plus the multipart envelope around it. */
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/**
 * Upload of one evidence PDF to a draft application (multipart POST; a route handler, since
 * server actions cap bodies at 1 MB). Check first, store after: the gate, then whether this
 * account may add evidence to this application now (scope, draft, open batch, count, quota) —
 * before the body is read —, then the body (capped) and its content, then one transaction that
 * checks again, writes the file and records it (./mutations.ts `addAttachment`).
 */
export async function uploadAttachment(applicationId: string, request: Request) {
  await authorize("POST /console/selection/applications/[id]/attachments");
  const { actor, scope, now, clientAddress } = await requestContext();
  if (!actor || !scope) refuse("FORBIDDEN");
  const base = { actor, scope, now, clientAddress };
  await runWrite(base, (ctx) => assertAttachable(ctx, applicationId, 0));
  const form = await cappedFormData(request, MAX_BODY_BYTES);
  const file = form.get("file");
  if (!(file instanceof File)) refuse("VALIDATION", { reason: "attachment.empty" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = attachmentProblem(bytes);
  if (problem) refuse("VALIDATION", { reason: `attachment.${problem}` });
  const { data } = await runWrite(base, (ctx) => addAttachment(ctx, { applicationId, fileName: cleanFileName(file.name), bytes }));
  revalidateSelection();
  await sweepAfterUpload(now);
  return data;
}
