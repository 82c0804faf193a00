import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDesignations } from "@/app/api/v1/designations/route";
import { GET as getMajors } from "@/app/api/v1/majors/route";
import { GET as getSchools } from "@/app/api/v1/schools/route";
import { recordAudit } from "@/lib/audit/mutations";
import { changedEntities } from "@/lib/opendata/changed-since/data";
import type { Position } from "@/lib/opendata/changed-since/cursor";
import { call } from "../support/api-call";
import { editSchool, seedOpenData } from "../support/opendata-fixtures";
import { changesSettled } from "../support/changes-settled";
import { adminUrl, openTestDb, type TestDb } from "../support/test-db";

/**
 * changedSince / cursor on the list routes (decision 0081): a poll sees every change once, records
 * that left the register come as tombstones, and the parameters are validated by name.
 */
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await seedOpenData(t.client);
});
afterAll(async () => t.close());

type Changes = { data: { id: string; nameZh?: string }[]; removed: Record<string, unknown>[]; nextCursor: string; hasMore: boolean };
const poll = async (handler: typeof getSchools, query: string) => {
  await changesSettled(t.client);
  const r = await call(handler, `/api/v1/x?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json as Changes;
};

describe("changedSince on /api/v1/schools, /api/v1/designations and /api/v1/majors", () => {
  it("starts from an instant, continues by cursor, and ends schools that left the register as tombstones", async () => {
    const first = await poll(getSchools, "changedSince=2000-01-01T00:00:00Z");
    expect(first.hasMore).toBe(false);
    await editSchool(t.client, "s-sz", { nameZh: "深圳市技师学院" });
    const edited = await poll(getSchools, `cursor=${first.nextCursor}`);
    expect(edited.data.map((s) => [s.id, s.nameZh])).toEqual([["s-sz", "深圳市技师学院"]]);
    expect(edited.removed).toEqual([]);
    // Nothing new: the same cursor's answer is empty, and it is not repeated.
    expect((await poll(getSchools, `cursor=${edited.nextCursor}`)).data).toEqual([]);

    await editSchool(t.client, "s-gz", { status: "MERGED", successorId: "s-sz", statusSince: null });
    const merged = await poll(getSchools, `cursor=${edited.nextCursor}&pageSize=1`);
    expect(merged.data).toEqual([]);
    expect(merged.removed).toEqual([
      { id: "s-gz", publicCode: "GZGM235Y", status: "MERGED", statusSince: null, successor: { id: "s-sz", publicCode: "SZJS234V" } },
    ]);
  });

  it("answers a revoked designation as a tombstone", async () => {
    const start = await poll(getDesignations, "changedSince=2000-01-01T00:00:00Z");
    await t.client.designation.update({ where: { id: "d1" }, data: { status: "REVOKED", endDate: new Date("2026-02-01T00:00:00Z") } });
    await recordAudit(t.client, {
      actor: { id: null, label: "test" },
      action: "designation.revoke",
      entityType: "Designation",
      entityId: "d1",
      after: { status: "REVOKED" },
    });
    const next = await poll(getDesignations, `cursor=${start.nextCursor}`);
    expect(next.removed).toEqual([{ id: "d1", status: "REVOKED", endDate: "2026-02-01" }]);
    // The school's summary changed with it (its valid designations).
    expect((await poll(getSchools, `cursor=${start.nextCursor}`)).data.map((s) => s.id)).toContain("s-sz");
  });

  it("names a school's offered major when it changes, and a withdrawn one as a tombstone", async () => {
    const start = await poll(getMajors, "changedSince=2000-01-01T00:00:00Z");
    const change = async (data: { years?: number; status?: "WITHDRAWN" }) => {
      await t.client.schoolMajor.update({ where: { id: "sm1" }, data });
      await recordAudit(t.client, {
        actor: { id: null, label: "test" },
        action: "schoolMajor.update",
        entityType: "SchoolMajor",
        entityId: "sm1",
        after: data,
      });
    };
    await change({ years: 4 });
    const edited = await poll(getMajors, `cursor=${start.nextCursor}`);
    expect(edited.data).toEqual([
      {
        id: "sm1",
        schoolId: "s-sz",
        majorId: "m1",
        code: expect.any(String),
        nameZh: expect.any(String),
        nameEn: expect.any(String),
        level: "ADVANCED",
        startingPoint: "JUNIOR_SECONDARY",
        years: 4,
        status: "ENROLLING",
      },
    ]);
    expect(edited.removed).toEqual([]);
    expect((await poll(getMajors, `cursor=${edited.nextCursor}`)).data).toEqual([]);
    await change({ status: "WITHDRAWN" });
    const withdrawn = await poll(getMajors, `cursor=${edited.nextCursor}&pageSize=1`);
    expect(withdrawn.data).toEqual([]);
    expect(withdrawn.removed).toEqual([{ id: "sm1", schoolId: "s-sz", status: "WITHDRAWN" }]);
    // Without changedSince / cursor the route still answers the catalogue.
    expect((await call(getMajors, "/api/v1/majors")).json).toHaveProperty("categories");
  });

  it.each([
    ["cursor=not-a-cursor!", "cursor"],
    ["cursor=eHl6", "cursor"],
    ["changedSince=2026-01-01", "changedSince"],
    ["changedSince=2026-01-01T00:00:00", "changedSince"],
    ["changedSince=2026-01-01T00:00:00Z&q=深圳", "q"],
    ["changedSince=2026-01-01T00:00:00Z&format=csv", "format"],
    ["changedSince=2026-01-01T00:00:00Z&page=2", "page"],
    ["cursor=MTAu&edition=x", "edition"],
  ])("refuses %s naming %s", async (query, name) => {
    for (const handler of [getSchools, getDesignations, getMajors]) {
      const r = await call(handler, `/api/v1/x?${query}`);
      expect(r.status).toBe(400);
      expect((r.json as { error: { parameters: { name: string }[] } }).error.parameters.map((p) => p.name)).toEqual([name]);
    }
  });
});

/**
 * Two (or more) writers where one that started earlier commits later: the poller, polling after
 * each commit, must see every change exactly once. Needs real concurrent connections: PostgreSQL.
 */
describe.skipIf(!adminUrl())("the cursor under concurrent writers (PostgreSQL)", () => {
  async function drain(from: Position): Promise<{ ids: string[]; at: Position }> {
    const ids: string[] = [];
    let at = from;
    for (;;) {
      const w = await changedEntities({ entityTypes: ["School"], after: at, since: null, limit: 2 });
      ids.push(...w.rows.map((r) => r.entityId));
      at = w.next;
      if (!w.more) return { ids, at };
    }
  }

  /** A transaction that records one event and waits, open, until told to commit. */
  async function openWriter(entityId: string) {
    let release!: () => void;
    let began!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started = new Promise<void>((r) => (began = r));
    const done = t.client.$transaction(
      async (tx) => {
        await recordAudit(tx, { actor: { id: null, label: "test" }, action: "school.update", entityType: "School", entityId });
        began();
        await gate;
      },
      { timeout: 60_000 },
    );
    await started;
    return async () => {
      release();
      await done;
    };
  }

  let run = 0;
  it("hands out each change once, whatever the commit order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), async (order) => {
        run += 1;
        await changesSettled(t.client);
        let { at } = await drain({ xid: 0n, id: "" });
        const writers: (() => Promise<void>)[] = [];
        for (let i = 0; i < 4; i++) writers.push(await openWriter(`w${run}-${i}`));
        const seen: string[] = [];
        for (const i of order) {
          await writers[i]();
          const d = await drain(at);
          seen.push(...d.ids);
          at = d.at;
        }
        // A write transaction open anywhere in the cluster (another test file running beside this
        // one in CI) holds the snapshot's xmin back: its changes are then handed out later — never
        // skipped or repeated, which is what this asserts. So poll on a while for the late ones.
        const until = Date.now() + 60_000;
        while (seen.length < 4 && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          const d = await drain(at);
          seen.push(...d.ids);
          at = d.at;
        }
        expect([...seen].sort()).toEqual([0, 1, 2, 3].map((i) => `w${run}-${i}`));
      }),
      { numRuns: 12 },
    );
  }, 900_000);
});
