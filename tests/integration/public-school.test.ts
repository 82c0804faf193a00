import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublicSchool, getPublicSchoolAsOf, getPublicSchoolHistory } from "@/lib/public/data";
import { completenessOf } from "@/lib/public/completeness";
import { openTestDb, type TestDb } from "../support/test-db";
import { seedPublicFixture, type PublicFixture } from "../support/public-fixtures";

/**
 * The public school record: identity, majors by level, designations, lineage, changes, and the
 * as-of view rebuilt from audit events written the way the school mutations write them
 * (entityType "School", before/after holding only the changed fields, dates "YYYY-MM-DD").
 */
let t: TestDb;
let fx: PublicFixture;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await openTestDb();
  fx = await seedPublicFixture(t.client);
  await t.client.user.create({
    data: { id: "u-gd", username: "gd-officer", passwordHash: "x", displayName: "广东经办人王五", role: "PROVINCE_OFFICER", authorityId: "guangdong" },
  });
  await t.client.user.create({
    data: { id: "u-admin", username: "admin", passwordHash: "x", displayName: "部管理员赵六", role: "MINISTRY_ADMIN" },
  });
  const s = fx.shenzhen.id;
  const audit = (a: {
    at: string;
    action: string;
    entityType?: string;
    entityId?: string;
    actorId?: string;
    before?: object;
    after?: object;
    reason?: string;
  }) =>
    t.client.auditEvent.create({
      data: {
        at: at(a.at),
        actorId: a.actorId ?? "u-gd",
        actorLabel: a.actorId === "u-admin" ? "部管理员赵六" : "广东经办人王五",
        action: a.action,
        entityType: a.entityType ?? "School",
        entityId: a.entityId ?? s,
        authorityId: "guangdong",
        before: a.before,
        after: a.after,
        reason: a.reason,
      },
    });
  // Created 2020-03-01 (Shanghai) under its former name, at a former address.
  await audit({
    at: "2020-03-01T02:00:00Z",
    action: "school.create",
    after: { nameZh: "深圳市高级技工学校", tier: "SENIOR_TECHNICAL_SCHOOL", address: "旧地址 9 号" },
  });
  // Renamed and upgraded on 2021-06-01 by the ministry.
  await audit({
    at: "2021-06-01T03:00:00Z",
    action: "school.rename",
    actorId: "u-admin",
    before: { nameZh: "深圳市高级技工学校" },
    after: { nameZh: "深圳技师学院" },
    reason: "内部审核意见：材料齐全",
  });
  await audit({
    at: "2021-06-01T03:00:01Z",
    action: "school.tier",
    actorId: "u-admin",
    before: { tier: "SENIOR_TECHNICAL_SCHOOL", tierSince: "2010-01-01" },
    after: { tier: "TECHNICIAN_COLLEGE", tierSince: "2015-06-01" },
  });
  // An edit on 2023-05-01 16:30 Shanghai (08:30Z): the address and (internal) contact.
  await audit({
    at: "2023-05-01T08:30:00Z",
    action: "school.update",
    before: { address: "旧地址 9 号", contactName: "旧联系人", contactPhone: "020-000" },
    after: { address: "示例地址 1 号", contactName: "张联系", contactPhone: "0755-12345678" },
  });
  // A contact-only edit: nothing public changed, so it is not in the public history.
  await audit({ at: "2023-06-01T08:30:00Z", action: "school.update", before: { contactName: "甲" }, after: { contactName: "张联系" } });
  // The quality-school designation was recorded on 2024-02-01.
  const d = await t.client.designation.findFirstOrThrow({ where: { schoolId: s, kind: "QUALITY_SCHOOL" }, select: { id: true } });
  await audit({
    at: "2024-02-01T02:00:00Z",
    action: "designation.create",
    entityType: "Designation",
    entityId: d.id,
    after: { kind: "QUALITY_SCHOOL", level: "NATIONAL", status: "ACTIVE", startDate: "2022-01-01" },
  });
  // The school was created in the database now, but its create event says 2020: the event decides.
});
afterAll(async () => t?.close());

describe("public school record", () => {
  it("is found by id and by public code (any case, with spaces)", async () => {
    const byId = await getPublicSchool(fx.shenzhen.id);
    const byCode = await getPublicSchool(` ${fx.shenzhen.publicCode.toLowerCase()} `);
    expect(byId?.id).toBe(fx.shenzhen.id);
    expect(byCode?.id).toBe(fx.shenzhen.id);
    expect(await getPublicSchool("nope")).toBeNull();
    expect(await getPublicSchool("x".repeat(200))).toBeNull();
  });

  it("holds identity, majors by level, designations with validity, lineage and changes", async () => {
    const s = (await getPublicSchool(fx.shenzhen.id))!;
    expect(s).toMatchObject({
      nameZh: "深圳技师学院",
      nameEn: "Shenzhen Institute of Technology",
      formerNames: ["深圳市高级技工学校"],
      tier: "TECHNICIAN_COLLEGE",
      tierSince: "2015-06-01",
      authority: { id: "guangdong", nameZh: "广东省" },
      city: { code: "440300", nameZh: "深圳市" },
      establishedDate: "1978-09-01",
      isDemo: true,
      asOf: null,
    });
    expect(s.majorsByLevel.map((g) => [g.level, g.majors.map((m) => m.code)])).toEqual([
      ["ADVANCED", ["0101"]],
      ["PRE_TECHNICIAN", ["0105"]],
    ]);
    expect(s.designations).toEqual([expect.objectContaining({ kind: "QUALITY_SCHOOL", startDate: "2022-01-01", endDate: "2099-12-31", validNow: true })]);

    const hz = (await getPublicSchool(fx.hz.id))!;
    expect(hz.designations.map((d) => [d.kind, d.validNow])).toEqual([
      ["KEY_SCHOOL", true],
      ["QUALITY_SCHOOL", false],
    ]);

    const gzjd = (await getPublicSchool(fx.gzjd.id))!;
    expect(gzjd.predecessors.map((p) => p.nameZh)).toEqual(["广州市第二技工学校"]);
    expect(gzjd.changes).toEqual([
      expect.objectContaining({ kind: "MERGE", effectiveDate: "2019-09-01", relatedSchool: expect.objectContaining({ id: fx.gzold.id }) }),
    ]);
    const gzold = (await getPublicSchool(fx.gzold.id))!;
    expect(gzold.successor).toMatchObject({ id: fx.gzjd.id, nameZh: "广州市机电技师学院", publicCode: fx.gzjd.publicCode });
  });

  it("never contains contacts, internal notes, review reasons or people's names (serialized JSON)", async () => {
    const s = await getPublicSchool(fx.shenzhen.id);
    const asOf = await getPublicSchoolAsOf(fx.shenzhen.id, "2022-01-01");
    const history = await getPublicSchoolHistory(fx.shenzhen.id);
    const gz = await getPublicSchool(fx.gzjd.id);
    const json = JSON.stringify([s, asOf, history, gz]);
    for (const secret of [
      "contactName",
      "contactPhone",
      "张联系",
      "0755-12345678",
      "旧联系人",
      "020-000",
      "王五",
      "赵六",
      "gd-officer",
      "内部审核意见",
      "内部备注",
      "passwordHash",
      "u-gd",
      "u-admin",
    ]) {
      expect(json, secret).not.toContain(secret);
    }
  });

  it("as of a past date shows the old values, rebuilt from the audit trail", async () => {
    const v = await getPublicSchoolAsOf(fx.shenzhen.id, "2022-01-01");
    expect(v?.kind).toBe("record");
    if (v?.kind !== "record") return;
    expect(v.school).toMatchObject({ nameZh: "深圳技师学院", tier: "TECHNICIAN_COLLEGE", address: "旧地址 9 号", asOf: "2022-01-01" });
    // The designation was entered in 2024: not part of the record as it stood in 2022.
    expect(v.school.designations).toEqual([]);

    const before = await getPublicSchoolAsOf(fx.shenzhen.id, "2021-05-31");
    expect(before?.kind === "record" && before.school).toMatchObject({
      nameZh: "深圳市高级技工学校",
      tier: "SENIOR_TECHNICAL_SCHOOL",
      tierSince: "2010-01-01",
    });

    // The edit at 16:30 Shanghai on 2023-05-01 belongs to that day.
    const onDay = await getPublicSchoolAsOf(fx.shenzhen.id, "2023-05-01");
    expect(onDay?.kind === "record" && onDay.school.address).toBe("示例地址 1 号");
    const dayBefore = await getPublicSchoolAsOf(fx.shenzhen.id, "2023-04-30");
    expect(dayBefore?.kind === "record" && dayBefore.school.address).toBe("旧地址 9 号");
  });

  it("says 'not yet registered' before the create event, and nothing for an unknown school", async () => {
    expect(await getPublicSchoolAsOf(fx.shenzhen.id, "2020-02-29")).toMatchObject({ kind: "notYetRegistered", asOf: "2020-02-29" });
    expect(await getPublicSchoolAsOf("unknown-id", "2020-02-29")).toBeNull();
    // Without any create event, the row's own creation time decides (created today in this test).
    expect(await getPublicSchoolAsOf(fx.hz.id, "2020-01-01")).toMatchObject({ kind: "notYetRegistered" });
  });

  it("history lists public field changes with role labels, newest first, and leaves out contact-only edits", async () => {
    const h = await getPublicSchoolHistory(fx.shenzhen.id);
    expect(h.map((e) => e.action)).toEqual(["designation.create", "school.update", "school.tier", "school.rename", "school.create"]);
    expect(h[1]).toMatchObject({
      actor: { kind: "province", authority: { id: "guangdong", nameZh: "广东省" } },
      changes: [{ field: "address", before: "旧地址 9 号", after: "示例地址 1 号" }],
    });
    expect(h[3]).toMatchObject({ actor: { kind: "ministry" }, changes: [{ field: "nameZh", before: "深圳市高级技工学校", after: "深圳技师学院" }] });
    expect(h[0]).toMatchObject({ entityType: "Designation", subject: { kind: "designation", designationKind: "QUALITY_SCHOOL" } });
    const until = await getPublicSchoolHistory(fx.shenzhen.id, { until: "2022-01-01" });
    expect(until.map((e) => e.action)).toEqual(["school.tier", "school.rename", "school.create"]);
  });

  it("computes completeness over the public fields", async () => {
    const s = (await getPublicSchool(fx.tz.id))!;
    const c = completenessOf(s);
    expect(c.total).toBe(13);
    expect(c.missing).toEqual(expect.arrayContaining(["nameEn", "uscc", "approvalDocNo", "establishedDate", "lastConfirmedAt"]));
    // tz offers a major only from an old catalogue edition: still a major it offers.
    expect(c.missing).not.toContain("majors");
    expect(c.percent).toBe(Math.round((c.filled / 13) * 100));
  });
});
