import type { PrismaClient } from "../../lib/db/generated/client";
import { systemScope } from "../../lib/auth/scope";
import { labels, schoolMajorColumns } from "../../lib/imports/columns";
import { toCsv } from "../../lib/imports/csv";
import { storeDryRun } from "../../lib/imports/job/mutations";
import { readUpload } from "../../lib/imports/read";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const DEMO_IMPORT_ID = "demo-import-gd-officer";
const OFFICER = "demo-user-gd-officer";
const FILE_NAME = "广东省院校专业补录（演示）.csv";
const AT = { level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY" } as const;

/**
 * An unfinished import for the Guangdong demo officer's inbox: a school-majors file checked by a
 * dry run and never confirmed — one new 中级工 major for each of three Guangdong schools, so
 * confirming it from the inbox really adds them. The file is read by the import's own reader and
 * stored by its own writer (lib/imports/job/mutations.ts), exactly as an upload is. It is dated at
 * the seed's time and expires like any dry run (JOB_TTL_MS, 24 h later): a re-seed after that
 * leaves the expired one alone (stable id), as it leaves every demo row. No audit event: nobody
 * uploaded it. Skipped when the officer's account or the rows it needs are not there.
 */
export async function seedDemoImport(tx: Tx, now: Date): Promise<void> {
  if (await tx.importJob.count({ where: { id: DEMO_IMPORT_ID } })) return;
  const officer = await tx.user.findUnique({ where: { id: OFFICER }, select: { id: true, authorityId: true } });
  if (!officer?.authorityId) return;
  const schools = await tx.school.findMany({
    where: { authorityId: officer.authorityId, isDemo: true, status: "OPERATING" },
    orderBy: { id: "asc" },
    take: 3,
    select: { id: true, nameZh: true, majors: { where: AT, select: { majorId: true } } },
  });
  const majors = await tx.major.findMany({ where: { edition: { isCurrent: true } }, orderBy: { code: "asc" }, select: { id: true, code: true, nameZh: true } });
  const rows = schools.flatMap((s) => {
    const offered = new Set(s.majors.map((m) => m.majorId));
    const m = majors.find((x) => !offered.has(x.id));
    return m ? [[s.id, s.nameZh, m.code, m.nameZh, labels.level[AT.level], labels.startingPoint[AT.startingPoint], "3", labels.schoolMajorStatus.FILED]] : [];
  });
  if (!rows.length) return;
  const headers = ["schoolId", "schoolName", "majorCode", "majorName", "level", "startingPoint", "years", "status"].map(
    (f) => schoolMajorColumns.find((c) => c.field === f)!.header,
  );
  const read = await readUpload(new TextEncoder().encode(toCsv([headers, ...rows])), "schoolMajors");
  if (!read.ok) throw new Error(`demo import: the reader refused the file (${read.error.key})`);
  const { format, encoding, fields } = read;
  await storeDryRun(tx, systemScope(officer.authorityId), {
    kind: "schoolMajors",
    fileName: FILE_NAME,
    format,
    encoding,
    rows: read.rows,
    fields,
    createdById: officer.id,
    id: DEMO_IMPORT_ID,
    createdAt: now,
  });
}
