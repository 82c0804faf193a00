import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSchools } from "@/app/api/v1/schools/route";
import { runWrite } from "@/lib/db/unit-of-work";
import { shanghaiToday } from "@/lib/kernel/dates";
import { publishRelease } from "@/lib/opendata/releases/publish";
import { systemActor } from "@/lib/request/actor";
import { changeSchoolStatus, renameSchool } from "@/lib/school-changes/mutations";
import { renameSchema, statusChangeSchema } from "@/lib/school-changes/schema";
import { ON_REGISTER } from "@/lib/schools/rules";
import { changesSettled } from "../support/changes-settled";
import { call } from "../support/api-call";
import { seedOpenData } from "../support/opendata-fixtures";
import { releaseJson } from "../support/stored-files";
import { openTestDb, type TestDb } from "../support/test-db";
import { write } from "../support/write";

/**
 * The property (decision 0081): a client that loads a release and then polls from its
 * manifest's changesCursor ends with exactly the register's state after a random series of
 * renames, suspensions, merges and closures made through the real mutations. PGlite and PostgreSQL.
 */
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await seedOpenData(t.client);
});
afterAll(async () => {
  await t.close();
});

type Seen = Map<string, { nameZh: string; status: string }>;
const NAMES = ["东湖技工学校", "西山技师学院", "南湾高级技工学校", "北岭技工学校", "中原技师学院"];

type Command =
  { kind: "rename"; school: number; name: number } | { kind: "suspend" | "close"; school: number } | { kind: "merge"; school: number; into: number };
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant("rename" as const), school: fc.nat(3), name: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constantFrom("suspend" as const, "close" as const), school: fc.nat(3) }),
  fc.record({ kind: fc.constant("merge" as const), school: fc.nat(3), into: fc.nat(3) }),
);

let run = 0;
/** The kinds of command the mutations accepted (some are refused: a closed school cannot be renamed). */
const accepted = new Set<string>();
/** Four schools of this run, on the register (created before the release, as any registered school). */
async function freshSchools(): Promise<string[]> {
  run += 1;
  const template = await t.client.school.findUniqueOrThrow({ where: { id: "s-sz" } });
  const ids = [0, 1, 2, 3].map((i) => `p${run}-${i}`);
  for (const [i, id] of ids.entries()) {
    await t.client.school.create({
      data: { ...template, id, publicCode: `P${run}X${i}`, nameZh: `第${run}批${i}号技工学校`, uscc: null, successorId: null, status: "OPERATING", version: 1 },
    });
  }
  return ids;
}

async function apply(ids: string[], c: Command) {
  const id = ids[c.school];
  const { version } = await t.client.school.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const common = { schoolId: id, version, documentNo: "人社函〔2026〕1号", effectiveDate: shanghaiToday() };
  if (c.kind === "rename") {
    return write((ctx) => renameSchool(ctx, renameSchema.parse({ ...common, newNameZh: `${NAMES[c.name]}${run}` })));
  }
  const status: Record<Exclude<Command["kind"], "rename">, Record<string, string>> = {
    suspend: { toStatus: "ENROLMENT_SUSPENDED", reasonCode: "AUTHORITY_DECISION" },
    close: { toStatus: "TERMINATED", reasonCode: "AUTHORITY_DECISION", confirmIrreversible: "on" },
    merge: { toStatus: "MERGED", reasonCode: "MERGER_REORGANISATION", successorId: ids[c.kind === "merge" ? c.into : 0], confirmIrreversible: "on" },
  };
  return write((ctx) => changeSchoolStatus(ctx, statusChangeSchema.parse({ ...common, ...status[c.kind] })));
}

/** What the client holds: schools on the register, by id (the fields both sources carry). */
async function loadRelease(): Promise<{ seen: Seen; cursor: string }> {
  const { data } = await runWrite({ actor: systemActor("test"), scope: null, source: "system" }, (ctx) => publishRelease(ctx), {
    transaction: false,
  });
  const read = (f: string) => releaseJson(data.slug, f);
  const seen: Seen = new Map();
  for (const s of (await read("schools.json")).records as { id: string; nameZh: string; status: string }[]) {
    if (ON_REGISTER.includes(s.status as never)) seen.set(s.id, { nameZh: s.nameZh, status: s.status });
  }
  return { seen, cursor: (await read("manifest.json")).changesCursor };
}

async function pollInto(seen: Seen, cursor: string): Promise<string> {
  await changesSettled(t.client);
  for (;;) {
    const r = await call(getSchools, `/api/v1/schools?cursor=${cursor}&pageSize=2`);
    expect(r.status, r.text).toBe(200);
    const page = r.json as { data: { id: string; nameZh: string; status: string }[]; removed: { id: string }[]; nextCursor: string; hasMore: boolean };
    for (const s of page.data) seen.set(s.id, { nameZh: s.nameZh, status: s.status });
    for (const s of page.removed) seen.delete(s.id);
    cursor = page.nextCursor;
    if (!page.hasMore) return cursor;
  }
}

async function register(): Promise<Seen> {
  const rows = await t.client.school.findMany({ where: { status: { in: ON_REGISTER } }, select: { id: true, nameZh: true, status: true } });
  return new Map(rows.map((s) => [s.id, { nameZh: s.nameZh, status: s.status }]));
}

describe("a client that starts from a release and polls the cursor", () => {
  it("ends with exactly the register's state", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 8 }), async (commands, pollAfter) => {
        const ids = await freshSchools();
        const { seen, cursor } = await loadRelease();
        let at = cursor;
        for (const [i, c] of commands.entries()) {
          if ((await apply(ids, c)).ok) accepted.add(c.kind);
          // A poll in the middle of the series, as a client polling on a timer would.
          if (i === pollAfter) at = await pollInto(seen, at);
        }
        await pollInto(seen, at);
        expect(Object.fromEntries([...seen].sort())).toEqual(Object.fromEntries([...(await register())].sort()));
      }),
      { numRuns: 10 },
    );
    expect([...accepted].sort()).toEqual(["close", "merge", "rename", "suspend"]);
  }, 300_000);
});
