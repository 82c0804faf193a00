import { beforeAll, expect, it } from "vitest";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { updateSchool } from "@/lib/schools/mutations";
import { editSchoolFormSchema } from "@/lib/schools/form-schema";
import { formDataToObject } from "@/lib/actions/result";
import { actorNamed, write } from "../support/write";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

/**
 * No lost updates (issue 3 item 6): two people save the same version of a school at the same time.
 * On PostgreSQL the two transactions really overlap (two pool connections): both read version N,
 * one takes the row lock, the other waits and then matches no row. On PGlite they queue on its
 * single connection, and the second reads the new version. Either way exactly one save wins, the
 * loser is told who changed what, and every committed value has its audit event.
 */
const t = schoolTestDb();
let id: string;

beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  const res = await createSchoolAction(createForm());
  if (!res.ok) throw new Error(JSON.stringify(res));
  id = res.data.id;
});

const row = () => t.client.school.findUniqueOrThrow({ where: { id } });

it("two users saving the same version through the actions: exactly one wins, nothing is lost", async () => {
  const s = await row();
  // Each action reads its session synchronously when called, so the two calls run as two users.
  signInAs(testUsers.gdOfficer);
  const a = updateSchoolAction(editForm(s, { teachers: "101", address: "甲的地址" }));
  signInAs(testUsers.admin);
  const b = updateSchoolAction(editForm(s, { teachers: "202", contactName: "乙" }));
  const results = await Promise.all([a, b]);

  const winners = results.filter((r) => r.ok);
  const losers = results.filter((r) => !r.ok);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(1);
  const winnerIsA = results[0].ok;
  const loser = losers[0];
  expect(loser).toMatchObject({ ok: false, code: "STALE_VERSION" });
  if (loser.ok) return;
  // The loser is told who won and sees its own input beside the stored value.
  expect(loser.detail).toMatchObject({
    changedBy: winnerIsA ? testUsers.gdOfficer.displayName : testUsers.admin.displayName,
    version: s.version + 1,
  });
  expect(loser.detail!.changes).toContainEqual({ field: "teachers", yours: winnerIsA ? 202 : 101, theirs: winnerIsA ? 101 : 202 });

  const after = await row();
  expect(after.version).toBe(s.version + 1);
  expect(after.teachers).toBe(winnerIsA ? 101 : 202);
  const updates = await t.client.auditEvent.findMany({ where: { entityId: id, action: "school.update" } });
  expect(updates).toHaveLength(1);
  expect(updates[0].after).toMatchObject({ teachers: after.teachers });
});

it("many rounds of simultaneous saves: one winner per version, every stored value audited", async () => {
  const rounds = 8;
  for (let round = 0; round < rounds; round++) {
    const s = await row();
    const parse = (teachers: number) => editSchoolFormSchema.parse(formDataToObject(editForm(s, { teachers: String(teachers) })));
    const results = await Promise.all(
      [1, 2, 3].map((k) => write((ctx) => updateSchool(ctx, parse(1000 + round * 10 + k)), { actor: actorNamed(`u-${k}`, `用户${k}`) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.code).toBe("STALE_VERSION");
    expect((await row()).version).toBe(s.version + 1);
  }
  const audits = await t.client.auditEvent.findMany({ where: { entityId: id, action: "school.update" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  expect(audits).toHaveLength(1 + rounds);
  // The audit trail replays to the stored row: each event's `before` is the previous event's `after`.
  for (let i = 1; i < audits.length; i++) {
    expect((audits[i].before as { teachers: number }).teachers).toBe((audits[i - 1].after as { teachers: number }).teachers);
  }
  expect((audits.at(-1)!.after as { teachers: number }).teachers).toBe((await row()).teachers);
});

it("two registrations of the same credit code at once: one school, the other told which field (DUPLICATE)", async () => {
  // On PostgreSQL both pass the pre-check and the unique index decides inside the bulk insert (a raw
  // statement: P2010 with SQLSTATE 23505); on PGlite the second sees the first. Same answer either way.
  const form = (n: number) => createForm({ nameZh: `广州市并发登记技工学校${n}`, uscc: fakeUscc(900) });
  const results = await Promise.all([createSchoolAction(form(1)), createSchoolAction(form(2))]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.find((r) => !r.ok);
  expect(lost).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { uscc: [{ key: "usccTaken" }] } });
  expect(await t.client.school.count({ where: { uscc: fakeUscc(900) } })).toBe(1);
});
