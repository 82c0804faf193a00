import "server-only";
import { db } from "@/lib/db/client";

export type AuthorityRow = { id: string; gbCode: string | null; nameZh: string; nameEn: string; shortZh: string };

export async function listAuthorities(): Promise<AuthorityRow[]> {
  return db().authority.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, gbCode: true, nameZh: true, nameEn: true, shortZh: true },
  });
}

export async function getAuthority(id: string): Promise<AuthorityRow | null> {
  return db().authority.findUnique({
    where: { id },
    select: { id: true, gbCode: true, nameZh: true, nameEn: true, shortZh: true },
  });
}
