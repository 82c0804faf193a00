import "server-only";
import { authorize } from "@/lib/auth/gates";
import { POLICY, type RoleRules } from "@/lib/auth/policy";
import { Refusal } from "@/lib/errors";
import { expertAccessToApplication } from "../reviews/data";
import { attachmentById } from "./data";
import { fileStream } from "@/lib/files/data";

const ROUTE = "GET /console/selection/attachments/[id]";

/**
 * The evidence download of GET /console/selection/attachments/[id] (a route handler, not a page:
 * it refuses with a Refusal, not a redirect), gated by the route's policy row: the roles it lists may ask ("any": ministry users and the
 * auditor; "own": the applying authority's officer; "assigned": an expert only through a live
 * assignment without conflict). Other roles are refused outright; a listed role that may not see
 * this application gets "not found".
 */
export async function attachmentDownload(id: string) {
  const user = await authorize(ROUTE);
  const a = await attachmentById(id);
  if (!a || a.removedAt) throw new Refusal("NOT_FOUND");
  const rule = (POLICY[ROUTE] as RoleRules)[user.role];
  let allowed = rule === "any";
  if (rule === "own") allowed = !!user.authorityId && user.authorityId === a.application.authorityId;
  if (rule === "assigned") allowed = (await expertAccessToApplication(user.id, a.application.id)).ok;
  if (!allowed) throw new Refusal("NOT_FOUND");
  if (!a.file) throw new Refusal("NOT_FOUND");
  // Streamed a chunk at a time from the database (lib/files/data.ts): the same bytes on every node.
  return { fileName: a.fileName, sizeBytes: a.file.sizeBytes, body: fileStream(a.file.id, a.file.sizeBytes) };
}
