import { afterAll, beforeAll, expect, it } from "vitest";
import { clock } from "@/lib/kernel/dates";
import { getPublicSchool } from "@/lib/public/data";
import { changeTierAction } from "@/lib/school-changes/actions";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { formData } from "../support/form";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, schoolTestDb } from "./schools-fixtures";

/**
 * Issue 11, finding 6: a school registered without 成立日期 got its 新设 dated today, a tier change
 * could then be dated years before it, and the public 沿革 listed the tier change before the
 * establishment. The one School writer keeps the lineage in date order.
 */
const t = schoolTestDb();
const realNow = clock.now;
beforeAll(async () => {
  clock.now = () => new Date("2026-03-10T04:00:00Z");
  signInAs(testUsers.gdOfficer);
});
afterAll(async () => {
  clock.now = realNow;
});

const row = (id: string) => t.client.school.findUniqueOrThrow({ where: { id } });
const tierForm = (s: { id: string; version: number }, effectiveDate: string) =>
  formData({
    schoolId: s.id,
    version: s.version,
    toTier: "SENIOR_TECHNICAL_SCHOOL",
    approvalDocNo: "粤人社函〔2020〕9号",
    approvalDate: effectiveDate,
    effectiveDate,
  });

/** The public 沿革, oldest first, as kinds with dates. */
async function lineage(id: string) {
  const school = await getPublicSchool(id);
  return [...school!.changes].reverse().map((c) => `${c.effectiveDate} ${c.kind}`);
}

it("without a founding date the 新设 is the day of registration, and no change may precede it", async () => {
  const created = await createSchoolAction(createForm({ establishedDate: "", approvalDate: "", approvalDocNo: "" }));
  expect(created.ok).toBe(true);
  const id = created.ok ? created.data.id : "";
  expect(await lineage(id)).toEqual(["2026-03-10 ESTABLISH"]);

  const early = await changeTierAction(null, tierForm(await row(id), "2020-07-01"));
  expect(early).toMatchObject({
    ok: false,
    code: "VALIDATION",
    fieldErrors: { effectiveDate: [{ key: "dateBeforeEstablished", params: { date: "2026-03-10" } }] },
  });
  expect(await lineage(id)).toEqual(["2026-03-10 ESTABLISH"]);
  expect((await row(id)).tier).toBe("TECHNICAL_SCHOOL");
});

it("entering the founding date moves the 新设; then the earlier change is recorded, in order", async () => {
  const created = await createSchoolAction(createForm({ nameZh: "广州市沿革技工学校", uscc: "", establishedDate: "", approvalDate: "", approvalDocNo: "" }));
  const id = created.ok ? created.data.id : "";
  const edited = await updateSchoolAction(editForm(await row(id), { establishedDate: "2015-09-01" }));
  expect(edited.ok).toBe(true);
  expect((await row(id)).statusSince?.toISOString().slice(0, 10)).toBe("2015-09-01");
  expect(await changeTierAction(null, tierForm(await row(id), "2020-07-01"))).toMatchObject({ ok: true });
  expect(await lineage(id)).toEqual(["2015-09-01 ESTABLISH", "2020-07-01 TIER_CHANGE"]);

  // A founding date after a recorded change would put the 新设 after it: refused, nothing changes.
  const late = await updateSchoolAction(editForm(await row(id), { establishedDate: "2021-01-01" }));
  expect(late).toMatchObject({ ok: false, fieldErrors: { establishedDate: [{ key: "dateAfterFirstChange", params: { date: "2020-07-01" } }] } });
  expect((await row(id)).establishedDate?.toISOString().slice(0, 10)).toBe("2015-09-01");
  expect(await lineage(id)).toEqual(["2015-09-01 ESTABLISH", "2020-07-01 TIER_CHANGE"]);
});
