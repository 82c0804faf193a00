import "server-only";
import { db } from "@/lib/db/client";

/** An attachment with what the access check needs (its application's authority and school). */
export async function attachmentById(id: string) {
  return db().selectionAttachment.findUnique({
    where: { id },
    select: {
      id: true,
      fileName: true,
      sizeBytes: true,
      sha256: true,
      removedAt: true,
      file: { select: { id: true, sizeBytes: true } },
      application: { select: { id: true, authorityId: true, schoolId: true } },
    },
  });
}
