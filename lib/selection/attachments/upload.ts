import "server-only";
import { authorize } from "@/lib/auth/gates";
import { runWrite } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { requestContext } from "@/lib/request/context";
import { getApplication } from "../applications/data";
import { revalidateSelection } from "../revalidate";
import { addAttachment } from "./mutations";
import { attachmentProblem, cleanFileName, MAX_ATTACHMENT_BYTES } from "./rules";
import { storeAttachment } from "./storage";

/**
 * Upload of one evidence PDF to a draft application (multipart POST; a route handler, since
 * server actions cap bodies at 1 MB). The officer's gate and scope come first, the content check
 * next, then the file is stored and recorded through the write contract, as the request's actor.
 */
export async function uploadAttachment(applicationId: string, request: Request) {
  await authorize("POST /console/selection/applications/[id]/attachments");
  const { actor, scope, now, clientAddress } = await requestContext();
  if (!actor || !scope) refuse("FORBIDDEN");
  if (!(await getApplication(applicationId, scope))) refuse("NOT_FOUND");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) refuse("VALIDATION", { reason: "attachment.tooLarge" });
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) refuse("VALIDATION", { reason: "attachment.empty" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = attachmentProblem(bytes);
  if (problem) refuse("VALIDATION", { reason: `attachment.${problem}` });
  const sha256 = await storeAttachment(bytes);
  const { data } = await runWrite({ actor, scope, now, clientAddress }, (ctx) =>
    addAttachment(ctx, { applicationId, fileName: cleanFileName(file.name), sizeBytes: bytes.length, sha256 }),
  );
  revalidateSelection();
  return data;
}
