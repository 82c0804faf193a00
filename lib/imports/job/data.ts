import type { AuthorityScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db/client";
import { fieldMask } from "@/lib/kernel/field-mask";
import { EDITABLE_FIELDS } from "@/lib/schools/form-schema";
import type { ImportKind } from "../columns";
import type { DryRun } from "../dry-run";
import { majorLookupKeys, prepareMajorRows, schoolMajorKey, validateMajorRows, type MajorLookup, type SchoolMajorPlan } from "../major-rows";
import type { ParsedRow } from "../read";
import { nameKey, prepareSchoolRows, schoolLookupKeys, validateSchoolRows, type ExistingSchool, type SchoolLookup, type SchoolPlan } from "../school-rows";

/**
 * Reads for the import: what the database must say about the rows of a file (existing schools
 * by registry id, credit code and name; divisions; catalogue majors; a school's majors), and the
 * dry run that combines them with the pure rules. Every function takes the client to use, so the
 * commit can run the very same dry run inside its transaction (`tx`: one connection on PGlite).
 * Not `server-only`: the demo seed (prisma/demo/import-job.ts) stores its dry run through the same
 * functions, outside Next.js; nothing here reads a request or the global client.
 */
const CHUNK = 1000;

async function inChunks<T>(values: string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  // Sequential on purpose: inside a transaction there is one connection.
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await fn(values.slice(i, i + CHUNK))));
  return out;
}

const existingSelect = fieldMask(["id", "version", "authorityId", "publicCode", "nameZh", "tier", "status", ...EDITABLE_FIELDS]);

export async function loadSchoolLookup(
  client: Tx,
  keys: { ids: string[]; usccs: string[]; names: string[] },
  scopeAuthorityId: string | null,
): Promise<SchoolLookup> {
  const authorities = await client.authority.findMany({ select: { id: true, shortZh: true, nameZh: true } });
  const divisions = await client.division.findMany({ select: { code: true, authorityId: true } });
  const byIdRows = await inChunks(keys.ids, (ids) => client.school.findMany({ where: { id: { in: ids } }, select: existingSelect }));
  const byUsccRows = await inChunks(keys.usccs, (usccs) => client.school.findMany({ where: { uscc: { in: usccs } }, select: existingSelect }));
  const byNameRows = await inChunks(keys.names, (names) =>
    client.school.findMany({ where: { nameZh: { in: names }, ...(scopeAuthorityId ? { authorityId: scopeAuthorityId } : {}) }, select: existingSelect }),
  );
  const as = (rows: unknown[]) => rows as ExistingSchool[];
  return {
    authorities,
    divisionAuthority: new Map(divisions.map((d) => [d.code, d.authorityId])),
    byId: new Map(as(byIdRows).map((s) => [s.id, s])),
    byUscc: new Map(as(byUsccRows).flatMap((s) => (s.uscc ? [[s.uscc as string, s]] : []))),
    byName: new Map(as(byNameRows).map((s) => [nameKey(s.authorityId, s.nameZh), s])),
  };
}

export async function loadMajorLookup(client: Tx, keys: { ids: string[]; usccs: string[]; codes: string[] }): Promise<MajorLookup> {
  const sel = { id: true, authorityId: true, nameZh: true, tier: true, status: true, uscc: true } as const;
  const byId = await inChunks(keys.ids, (ids) => client.school.findMany({ where: { id: { in: ids } }, select: sel }));
  const byUscc = await inChunks(keys.usccs, (usccs) => client.school.findMany({ where: { uscc: { in: usccs } }, select: sel }));
  const edition = await client.majorCatalogEdition.findFirst({ where: { isCurrent: true }, select: { id: true } });
  const majors = edition
    ? await inChunks(keys.codes, (codes) =>
        client.major.findMany({ where: { editionId: edition.id, code: { in: codes } }, select: { id: true, code: true, nameZh: true } }),
      )
    : [];
  const schoolIds = [...new Set([...byId, ...byUscc].map((s) => s.id))];
  const existing = await inChunks(schoolIds, (ids) =>
    client.schoolMajor.findMany({
      where: { schoolId: { in: ids } },
      select: { id: true, schoolId: true, majorId: true, level: true, startingPoint: true, years: true, status: true },
    }),
  );
  return {
    schoolsById: new Map(byId.map((s) => [s.id, s])),
    schoolsByUscc: new Map(byUscc.flatMap((s) => (s.uscc ? [[s.uscc, s]] : []))),
    majorsByCode: new Map(majors.map((m) => [m.code, { id: m.id, nameZh: m.nameZh }])),
    existing: new Map(existing.map((e) => [schoolMajorKey(e.schoolId, e.majorId, e.level, e.startingPoint), e])),
  };
}

export type AnyDryRun = ({ kind: "schools" } & DryRun<SchoolPlan>) | ({ kind: "schoolMajors" } & DryRun<SchoolMajorPlan>);

/** The dry run: the same function before the upload is stored and again inside the commit. */
export async function runDryRun(client: Tx, kind: ImportKind, scope: AuthorityScope, rows: ParsedRow[], fields: string[]): Promise<AnyDryRun> {
  if (kind === "schools") {
    const prepared = prepareSchoolRows(rows, fields);
    const lookup = await loadSchoolLookup(client, schoolLookupKeys(prepared), scope.authorityId);
    return validateSchoolRows(prepared, fields, { scopeAuthorityId: scope.authorityId }, lookup) as AnyDryRun;
  }
  const prepared = prepareMajorRows(rows, fields);
  const lookup = await loadMajorLookup(client, majorLookupKeys(prepared));
  return validateMajorRows(prepared, fields, scope.authorityId, lookup) as AnyDryRun;
}
