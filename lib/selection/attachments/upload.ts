import "server-only";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { Refusal } from "@/lib/errors";
import { getApplication } from "../applications/data";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { addAttachment } from "./mutations";
import { attachmentProblem, cleanFileName, MAX_ATTACHMENT_BYTES } from "./rules";
import { storeAttachment } from "./storage";

/**
 * Upload of one evidence PDF to a draft application (multipart POST; a route handler, since
 * server actions cap bodies at 1 MB). The officer's gate and scope come first, the content check
 * next, then the file is stored and recorded.
 */
export async function uploadAttachment(applicationId: string, request: Request) {
  const user = await authorize("POST /console/selection/applications/[id]/attachments");
  const scope = getAuthorityScope(user);
  const app = await getApplication(applicationId, scope);
  if (!app) throw new Refusal("NOT_FOUND");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) throw new Refusal("VALIDATION", { reason: "attachment.tooLarge" });
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) throw new Refusal("VALIDATION", { reason: "attachment.empty" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = attachmentProblem(bytes);
  if (problem) throw new Refusal("VALIDATION", { reason: `attachment.${problem}` });
  const sha256 = await storeAttachment(bytes);
  const r = await addAttachment(actorOf(user), scope, applicationId, { fileName: cleanFileName(file.name), sizeBytes: bytes.length, sha256 });
  revalidateSelection();
  return r;
}

/** Same-origin check for the multipart POST (server actions get this from Next; a route must do it). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
