import "server-only";
import { isMinistry } from "@/lib/auth/roles";
import { getUser } from "@/lib/auth/gates";
import { AppError } from "@/lib/errors";
import { expertAccessToApplication } from "../reviews/data";
import { attachmentById } from "./data";
import { readAttachment } from "./storage";

/**
 * A download, gated: ministry users and the auditor; the applying authority's officer; an expert
 * only through a live assignment without conflict. Anyone else gets "not found".
 */
export async function loadAttachmentDownload(id: string) {
  const user = await getUser();
  const a = await attachmentById(id);
  if (!a || a.removedAt) throw new AppError("NOT_FOUND");
  let allowed = isMinistry(user.role) || user.role === "AUDITOR";
  if (user.role === "PROVINCE_OFFICER") allowed = !!user.authorityId && user.authorityId === a.application.authorityId;
  if (user.role === "EXPERT") allowed = (await expertAccessToApplication(user.id, a.application.id)).ok;
  if (!allowed) throw new AppError("NOT_FOUND");
  const bytes = await readAttachment(a.sha256);
  if (!bytes) throw new AppError("NOT_FOUND");
  return { fileName: a.fileName, bytes };
}
