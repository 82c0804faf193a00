import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/db/generated/client";
import { AUTHORITIES, authorityRow } from "./authorities";
import { buildDesignations } from "./designations";
import { DIVISIONS } from "./divisions";
import { historyOf } from "./history";
import { CATEGORIES, categoryId, DEMO_EDITION, MAJORS } from "./majors";
import { buildSchools } from "./schools";
import { DEMO_USERS } from "./users";

/**
 * The demo seed: reference data (authorities, divisions) and an illustrative national register.
 * Idempotent: stable ids and createMany({ skipDuplicates }) — a second run inserts nothing and
 * never overwrites a row (demo rows may have been edited since). Everything demo is isDemo=true.
 */
export type SeedCounts = Record<
  "authorities" | "divisions" | "categories" | "majors" | "schools" | "changes" | "auditEvents" | "schoolMajors" | "designations" | "users",
  number
>;

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function insert<T>(rows: T[], size: number, write: (batch: T[]) => Promise<{ count: number }>): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += size) n += (await write(rows.slice(i, i + size))).count;
  return n;
}

/** Authorities and prefecture-level divisions: real reference data, seeded even without the demo. */
export async function seedReference(client: PrismaClient | Tx): Promise<Pick<SeedCounts, "authorities" | "divisions">> {
  const authorities = (await client.authority.createMany({ data: AUTHORITIES.map(authorityRow), skipDuplicates: true })).count;
  const divisions = (await client.division.createMany({ data: DIVISIONS, skipDuplicates: true })).count;
  return { authorities, divisions };
}

export async function seedDemo(client: PrismaClient, opts: { now?: Date } = {}): Promise<SeedCounts> {
  const now = opts.now ?? new Date();
  const schools = buildSchools(now);
  const designations = buildDesignations(schools, now);

  // Hash only the accounts that do not exist yet (bcrypt is the slow part of a re-run).
  const existing = new Set(
    (await client.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) } }, select: { username: true } })).map((u) => u.username),
  );
  const users: (Omit<(typeof DEMO_USERS)[number], "password"> & { passwordHash: string; isDemo: true })[] = [];
  for (const { password, ...u } of DEMO_USERS.filter((x) => !existing.has(x.username))) {
    users.push({ ...u, passwordHash: await hashPassword(password), isDemo: true });
  }

  return client.$transaction(
    async (tx) => {
      const ref = await seedReference(tx);
      await tx.majorCatalogEdition.createMany({ data: [DEMO_EDITION], skipDuplicates: true });
      const categories = (
        await tx.majorCategory.createMany({
          data: CATEGORIES.map((c) => ({ id: categoryId(c.code), editionId: DEMO_EDITION.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn })),
          skipDuplicates: true,
        })
      ).count;
      const majors = (
        await tx.major.createMany({
          data: MAJORS.map((m) => ({ id: m.id, editionId: DEMO_EDITION.id, categoryId: categoryId(m.categoryCode), code: m.code, nameZh: m.nameZh, nameEn: m.nameEn })),
          skipDuplicates: true,
        })
      ).count;

      // Schools with a successor go last, and only when the successor is there.
      const rows = schools.map((s) => s.school);
      let schoolCount = await insert(rows.filter((s) => !s.successorId), 400, (data) => tx.school.createMany({ data, skipDuplicates: true }));
      const present = async (ids: string[]) =>
        new Set((await tx.school.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((s) => s.id));
      const first = await present(rows.map((s) => s.id));
      schoolCount += await insert(
        rows.filter((s) => s.successorId && first.has(s.successorId)),
        400,
        (data) => tx.school.createMany({ data, skipDuplicates: true }),
      );
      // A demo row can be missing when a real school already holds its name, code or USCC: skip its parts.
      const here = await present(rows.map((s) => s.id));
      const mine = schools.filter((s) => here.has(s.school.id));
      const history = mine.map(historyOf);
      const changes = history.flatMap((h) => h.changes).filter((c) => !c.relatedSchoolId || here.has(c.relatedSchoolId));
      const audits = history.flatMap((h) => h.audits);

      return {
        ...ref,
        categories,
        majors,
        schools: schoolCount,
        changes: await insert(changes, 1000, (data) => tx.schoolChange.createMany({ data, skipDuplicates: true })),
        auditEvents: await insert(audits, 1000, (data) => tx.auditEvent.createMany({ data, skipDuplicates: true })),
        schoolMajors: await insert(mine.flatMap((s) => s.majors), 1000, (data) => tx.schoolMajor.createMany({ data, skipDuplicates: true })),
        designations: await insert(
          designations.filter((d) => here.has(d.schoolId)),
          1000,
          (data) => tx.designation.createMany({ data, skipDuplicates: true }),
        ),
        users: users.length ? (await tx.user.createMany({ data: users, skipDuplicates: true })).count : 0,
      };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}
