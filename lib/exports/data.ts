import "server-only";
import type { AuthorityScope } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { fieldMask } from "@/lib/kernel/field-mask";
import { schoolListOrder, schoolListWhere } from "@/lib/schools/data";
import { EDITABLE_FIELDS } from "@/lib/schools/form-schema";
import { inIdOrder, schoolIds } from "@/lib/search/data";
import type { SchoolListFilters } from "@/lib/schools/list-filters";

/**
 * Every school matching the list's filters (all pages, in the list's order: the list's own WHERE,
 * name match included), with exactly the fields the import/export columns hold. Fetched in slices
 * so that a national export does not build one huge query result at once.
 */
const exportSelect = {
  ...fieldMask(["id", "publicCode", "nameZh", "tier", "status", ...EDITABLE_FIELDS]),
  authority: { select: { shortZh: true } },
};

const SLICE = 2000;

export async function listSchoolsForExport(scope: AuthorityScope, filters: SchoolListFilters) {
  const where = schoolListWhere(scope, filters);
  const orderBy = schoolListOrder(filters);
  const out = [];
  for (let offset = 0; ; offset += SLICE) {
    const ids = await schoolIds(db(), where, orderBy, SLICE, offset);
    const rows = ids.length ? await db().school.findMany({ where: { id: { in: ids } }, select: exportSelect }) : [];
    out.push(...inIdOrder(ids, rows));
    if (ids.length < SLICE) break;
  }
  return out;
}

export type ExportSchool = Awaited<ReturnType<typeof listSchoolsForExport>>[number];

export async function authorityName(id: string): Promise<string | null> {
  const a = await db().authority.findUnique({ where: { id }, select: { nameZh: true } });
  return a?.nameZh ?? null;
}
