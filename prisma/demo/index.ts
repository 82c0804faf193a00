import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/db/generated/client";
import { AUTHORITIES, authorityRow } from "./authorities";
import { demoCampaign } from "./campaign";
import { buildDesignations } from "./designations";
import { DIVISIONS } from "./divisions";
import { demoErrorReports } from "./error-reports";
import { historyOf } from "./history";
import { seedDemoImport } from "./import-job";
import { CATEGORIES, categoryId, DEMO_EDITION, MAJORS } from "./majors";
import { buildSchools } from "./schools";
import { seedSelectionDemo } from "./selection";
import { DEMO_USERS, demoAccountRequests, demoRefusedSignIns } from "./users";
import { demoNotifications } from "./notifications";

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

/**
 * Inserts the rows whose id is not there yet, in batches: looking ids up first makes a re-run cheap
 * (Prisma serialises every row of a createMany); skipDuplicates still covers other unique keys.
 */
async function insertMissing<T extends { id: string }>(
  rows: T[],
  size: number,
  existing: (ids: string[]) => Promise<{ id: string }[]>,
  write: (batch: T[]) => Promise<{ count: number }>,
): Promise<number> {
  const have = new Set<string>();
  for (let i = 0; i < rows.length; i += 2000) for (const r of await existing(rows.slice(i, i + 2000).map((x) => x.id))) have.add(r.id);
  const todo = rows.filter((r) => !have.has(r.id));
  let n = 0;
  for (let i = 0; i < todo.length; i += size) n += (await write(todo.slice(i, i + size))).count;
  return n;
}

const byId = { select: { id: true } } as const;
const idIn = (ids: string[]) => ({ where: { id: { in: ids } }, ...byId });

async function insertUsers(tx: Tx, users: typeof DEMO_USERS, hashes: Map<string, string>, now: Date): Promise<number> {
  if (!users.length) return 0;
  const data = users.map(({ password, ...u }) => ({ ...u, passwordHash: hashes.get(password)!, isDemo: true }));
  const count = (await tx.user.createMany({ data, skipDuplicates: true })).count;
  // The pending request names two demo accounts: only when both are the demo's own.
  const requests = demoAccountRequests(now);
  const ids = [...new Set(requests.flatMap((r) => [r.targetId, r.requestedById]))];
  if ((await tx.user.count({ where: { id: { in: ids } } })) === ids.length) await tx.accountRequest.createMany({ data: requests, skipDuplicates: true });
  if (await tx.user.count({ where: { id: "demo-user-gd-officer" } })) await tx.auditEvent.createMany({ data: demoRefusedSignIns(now), skipDuplicates: true });
  // Unread notifications for the demo expert and officer (only for the demo's own accounts).
  const notes = demoNotifications(now);
  const holders = await tx.user.findMany(idIn([...new Set(notes.map((n) => n.userId))]));
  const held = new Set(holders.map((h) => h.id));
  await tx.notification.createMany({ data: notes.filter((n) => held.has(n.userId)), skipDuplicates: true });
  return count;
}

/** Authorities and prefecture-level divisions: real reference data, seeded even without the demo. */
export async function seedReference(client: PrismaClient | Tx): Promise<Pick<SeedCounts, "authorities" | "divisions">> {
  const authorities = (await client.authority.createMany({ data: AUTHORITIES.map(authorityRow), skipDuplicates: true })).count;
  const divisions = (await client.division.createMany({ data: DIVISIONS, skipDuplicates: true })).count;
  return { authorities, divisions };
}

/** The demonstration catalogue edition (current) with its categories and majors. */
export async function seedCatalogue(client: PrismaClient | Tx): Promise<Pick<SeedCounts, "categories" | "majors">> {
  await client.majorCatalogEdition.createMany({ data: [DEMO_EDITION], skipDuplicates: true });
  const categories = (
    await client.majorCategory.createMany({
      data: CATEGORIES.map((c) => ({ id: categoryId(c.code), editionId: DEMO_EDITION.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn })),
      skipDuplicates: true,
    })
  ).count;
  const majors = (
    await client.major.createMany({
      data: MAJORS.map(({ categoryCode, ...m }) => ({ ...m, editionId: DEMO_EDITION.id, categoryId: categoryId(categoryCode) })),
      skipDuplicates: true,
    })
  ).count;
  return { categories, majors };
}

export async function seedDemo(client: PrismaClient, opts: { now?: Date } = {}): Promise<SeedCounts> {
  const now = opts.now ?? new Date();
  const schools = buildSchools(now);
  const designations = buildDesignations(schools, now);

  // Hash only for accounts that do not exist yet (bcrypt is the slow part), once per distinct
  // password (they are documented demo passwords), while the rows below are written.
  const existing = new Set(
    (await client.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) } }, select: { username: true } })).map((u) => u.username),
  );
  const missing = DEMO_USERS.filter((x) => !existing.has(x.username));
  const hashes = Promise.all([...new Set(missing.map((u) => u.password))].map(async (p) => [p, await hashPassword(p)] as const)).then(
    (pairs) => new Map(pairs),
  );
  hashes.catch(() => {}); // awaited below; avoid an unhandled rejection if the transaction fails first

  return client
    .$transaction(
      async (tx) => {
        const ref = await seedReference(tx);
        const { categories, majors } = await seedCatalogue(tx);

        // Schools with a successor go last, and only when the successor is there.
        const rows = schools.map((s) => s.school);
        const present = async (ids: string[]) => new Set((await tx.school.findMany(idIn(ids))).map((s) => s.id));
        const addSchools = (list: typeof rows) =>
          insertMissing(
            list,
            400,
            (ids) => tx.school.findMany(idIn(ids)),
            (data) => tx.school.createMany({ data, skipDuplicates: true }),
          );
        let schoolCount = await addSchools(rows.filter((s) => !s.successorId));
        const first = await present(rows.map((s) => s.id));
        schoolCount += await addSchools(rows.filter((s) => s.successorId && first.has(s.successorId)));
        // A demo row can be missing when a real school already holds its name, code or USCC: skip its parts.
        const here = await present(rows.map((s) => s.id));
        const mine = schools.filter((s) => here.has(s.school.id));
        const history = mine.map(historyOf);
        const changes = history.flatMap((h) => h.changes).filter((c) => !c.relatedSchoolId || here.has(c.relatedSchoolId));
        const audits = history.flatMap((h) => h.audits);
        // A running annual confirmation with some records already confirmed in it (not counted: a demo extra).
        if (!(await tx.confirmationCampaign.count())) await tx.confirmationCampaign.create({ data: demoCampaign(now) });
        // Open public error reports for the Guangdong officer's inbox (not counted: demo extras).
        await tx.errorReport.createMany({
          data: demoErrorReports(
            mine.map((s) => s.school),
            now,
          ),
          skipDuplicates: true,
        });

        const counts = {
          ...ref,
          categories,
          majors,
          schools: schoolCount,
          changes: await insertMissing(
            changes,
            1000,
            (ids) => tx.schoolChange.findMany(idIn(ids)),
            (data) => tx.schoolChange.createMany({ data, skipDuplicates: true }),
          ),
          auditEvents: await insertMissing(
            audits,
            1000,
            (ids) => tx.auditEvent.findMany(idIn(ids)),
            (data) => tx.auditEvent.createMany({ data, skipDuplicates: true }),
          ),
          schoolMajors: await insertMissing(
            mine.flatMap((s) => s.majors),
            1000,
            (ids) => tx.schoolMajor.findMany(idIn(ids)),
            (data) => tx.schoolMajor.createMany({ data, skipDuplicates: true }),
          ),
          designations: await insertMissing(
            designations.filter((d) => here.has(d.schoolId)),
            1000,
            (ids) => tx.designation.findMany(idIn(ids)),
            (data) => tx.designation.createMany({ data, skipDuplicates: true }),
          ),
          users: await insertUsers(tx, missing, await hashes, now),
        };
        // An unfinished import for the Guangdong officer, after the schools, majors and accounts it names (not counted: a demo extra).
        await seedDemoImport(tx, now);
        return counts;
      },
      { timeout: 180_000, maxWait: 30_000 },
    )
    .then(async (counts) => Object.assign(counts, await seedSelectionDemo(client, { now })));
}
