import { beforeEach, describe, expect, it, vi } from "vitest";
import type { WriteContext } from "@/lib/db/unit-of-work";
import type { SchoolPlan } from "@/lib/imports/school-rows";

/**
 * Issue 15: Prisma keeps the parameters of its last ~100 statements alive, so the commit hands the
 * School writer a bounded number of schools at a time (a 20,000-row file at the writer's own 1,000
 * a statement kept ~90 MB alive and did not fit a 160 MB heap). The writer is replaced here to see
 * the batches it is given; the rows and their order must be those of the plan.
 */
const calls = vi.hoisted(() => ({ register: [] as number[], versions: [] as number[] }));
vi.mock("@/lib/schools/writer/mutations", () => ({
  registerSchools: async (_ctx: unknown, inputs: { nameZh: string }[]) => {
    calls.register.push(inputs.length);
    return inputs.map((d) => ({ id: `id-${d.nameZh}`, nameZh: d.nameZh, authorityId: "guangdong" }));
  },
  writeSchoolVersions: async (_ctx: unknown, updates: unknown[]) => void calls.versions.push(updates.length),
}));
const { writeSchoolPlan } = await import("@/lib/imports/commit/mutations");

const plan = (creates: number, updates: number): SchoolPlan => ({
  creates: Array.from({ length: creates }, (_, i) => ({ row: i + 2, data: { nameZh: `s${i}` } as SchoolPlan["creates"][number]["data"] })),
  updates: Array.from({ length: updates }, (_, i) => ({
    row: i + 2,
    id: `u${i}`,
    name: `u${i}`,
    version: 1,
    authorityId: "guangdong",
    before: { website: null },
    after: { website: `https://u${i}.example.cn` },
    data: { website: `https://u${i}.example.cn` },
  })),
});

describe("the import commit writes schools in bounded batches", () => {
  beforeEach(() => {
    calls.register.length = 0;
    calls.versions.length = 0;
  });

  it("registers 1,050 new schools 100 at a time and names the first 50", async () => {
    const written = await writeSchoolPlan({} as WriteContext, plan(1050, 0), "reason");
    expect(calls.register).toEqual([...Array(10).fill(100), 50]);
    expect(written.created).toHaveLength(50);
    expect(written.created[49]).toEqual({ id: "id-s49", name: "s49" });
  });

  it("writes 250 updates 100 at a time", async () => {
    const written = await writeSchoolPlan({} as WriteContext, plan(0, 250), "reason");
    expect(calls.register).toEqual([]);
    expect(calls.versions).toEqual([100, 100, 50]);
    expect(written.updated.map((u) => u.id)).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
  });
});
