import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConsoleHome } from "@/lib/stats/console-loaders";
import { openTestDb, type TestDb } from "../support/test-db";
import { signInAs, testUsers } from "../support/session";

/**
 * Console home: an officer sees only their own authority's numbers; asking for another
 * authority renders 403 (forbidden() throws "NEXT_FORBIDDEN" in tests); ministry roles may narrow.
 */
let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
  await t.client.authority.createMany({
    data: [
      { id: "guangdong", gbCode: "440000", nameZh: "广东省", nameEn: "Guangdong", shortZh: "广东", kind: "PROVINCE", sortOrder: 19 },
      { id: "zhejiang", gbCode: "330000", nameZh: "浙江省", nameEn: "Zhejiang", shortZh: "浙江", kind: "PROVINCE", sortOrder: 11 },
    ],
  });
  const school = (n: number, authorityId: string, status: "OPERATING" | "REVOKED" = "OPERATING") => ({
    publicCode: `T${authorityId.slice(0, 2).toUpperCase()}${n}`,
    nameZh: `${authorityId}测试技工学校${n}`,
    tier: "TECHNICAL_SCHOOL" as const,
    ownership: "PUBLIC" as const,
    sponsorType: "HR_DEPARTMENT" as const,
    authorityId,
    status,
  });
  await t.client.school.createMany({
    data: [
      school(1, "guangdong"),
      school(2, "guangdong"),
      school(3, "guangdong"),
      school(4, "guangdong", "REVOKED"),
      school(1, "zhejiang"),
      school(2, "zhejiang"),
    ],
  });
  for (const u of Object.values(testUsers)) {
    await t.client.user.create({
      data: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, authorityId: u.authorityId, passwordHash: "x" },
    });
  }
});
afterAll(async () => t.close());
afterEach(() => signInAs(null));

describe("loadConsoleHome", () => {
  it("shows a province officer their own authority only", async () => {
    signInAs(testUsers.gdOfficer);
    const home = await loadConsoleHome();
    expect(home.kind).toBe("scoped");
    expect(home.scopeAuthority?.nameZh).toBe("广东省");
    expect(home.kind === "scoped" && home.counts.schools).toBe(3);
  });

  it("lets an officer name their own authority", async () => {
    signInAs(testUsers.zjOfficer);
    const home = await loadConsoleHome("zhejiang");
    expect(home.scopeAuthority?.id).toBe("zhejiang");
    expect(home.kind === "scoped" && home.counts.schools).toBe(2);
  });

  it("refuses an officer asking for another authority (403)", async () => {
    signInAs(testUsers.gdOfficer);
    await expect(loadConsoleHome("zhejiang")).rejects.toThrow("NEXT_FORBIDDEN");
    signInAs(testUsers.zjOfficer);
    await expect(loadConsoleHome("guangdong")).rejects.toThrow("NEXT_FORBIDDEN");
  });

  it("shows ministry roles the whole country, or one authority when asked", async () => {
    signInAs(testUsers.ministry);
    const all = await loadConsoleHome();
    expect(all.scopeAuthority).toBeNull();
    expect(all.kind === "scoped" && all.counts.schools).toBe(5);
    const zj = await loadConsoleHome("zhejiang");
    expect(zj.scopeAuthority?.nameZh).toBe("浙江省");
    expect(zj.kind === "scoped" && zj.counts.schools).toBe(2);
  });

  it("gives the admin the accounts by role", async () => {
    signInAs(testUsers.admin);
    const home = await loadConsoleHome();
    expect(home.kind).toBe("admin");
    const roles = home.kind === "admin" ? Object.fromEntries(home.roles.map((r) => [r.role, r.count])) : {};
    expect(roles).toMatchObject({ MINISTRY_ADMIN: 1, PROVINCE_OFFICER: 2, EXPERT: 1, AUDITOR: 1 });
  });

  it("refuses an expert asking for an authority, and sends anonymous visitors to sign in", async () => {
    signInAs(testUsers.expert);
    expect((await loadConsoleHome()).kind).toBe("expert");
    await expect(loadConsoleHome("guangdong")).rejects.toThrow("NEXT_FORBIDDEN");
    signInAs(null);
    await expect(loadConsoleHome()).rejects.toThrow("NEXT_REDIRECT:/sign-in");
  });
});
