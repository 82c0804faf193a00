import { describe, expect, it } from "vitest";
import { buildChangelog, changelogMarkdown, diffRecords, summarise } from "@/lib/opendata/releases/changelog";
import type { ReleaseDatasets } from "@/lib/opendata/releases/records";

const school = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  publicCode: `C${id}`,
  nameZh: `学校${id}`,
  tier: "TECHNICAL_SCHOOL",
  altNames: [],
  ...extra,
});

describe("release changelog", () => {
  it("matches records by id: added, removed, and changed with exactly the differing fields", () => {
    const before = [school("1"), school("2"), school("3", { altNames: ["甲"] })];
    const after = [school("1"), school("3", { altNames: ["甲", "乙"], tier: "SENIOR_TECHNICAL_SCHOOL" }), school("4")];
    expect(diffRecords("schools", before, after)).toEqual({
      added: [{ id: "4", label: "学校4 (C4)" }],
      removed: [{ id: "2", label: "学校2 (C2)" }],
      changed: [
        {
          id: "3",
          label: "学校3 (C3)",
          fields: [
            { name: "tier", before: "TECHNICAL_SCHOOL", after: "SENIOR_TECHNICAL_SCHOOL" },
            { name: "altNames", before: ["甲"], after: ["甲", "乙"] },
          ],
        },
      ],
    });
  });

  it("treats a field that appears or disappears as changed, and null = missing as unchanged", () => {
    expect(diffRecords("schools", [school("1", { nameEn: null })], [school("1")]).changed).toEqual([]);
    expect(diffRecords("schools", [school("1")], [school("1", { nameEn: "X" })]).changed[0].fields).toEqual([{ name: "nameEn", before: null, after: "X" }]);
  });

  it("the first release lists everything as added; an unreadable previous release is said so", () => {
    const data = { schools: [school("1")], "school-majors": [], majors: [], designations: [] } as unknown as ReleaseDatasets;
    const first = buildChangelog({ schemaVersion: "1.0", release: "2026-01-01-1", previous: null, previousData: null, data, generatedAt: "x" });
    expect(first.previousUnavailable).toBe(false);
    expect(summarise(first).schools).toEqual({ added: 1, changed: 0, removed: 0 });
    const lost = buildChangelog({ schemaVersion: "1.0", release: "2026-01-02-1", previous: "2026-01-01-1", previousData: null, data, generatedAt: "x" });
    expect(lost.previousUnavailable).toBe(true);
  });

  it("writes Markdown with values escaped for tables and lines", () => {
    const data = { schools: [school("1", { nameEn: "a|b\nc" })], "school-majors": [], majors: [], designations: [] } as unknown as ReleaseDatasets;
    const c = buildChangelog({
      schemaVersion: "1.0",
      release: "r2",
      previous: "r1",
      previousData: { schools: [school("1")] } as unknown as Partial<ReleaseDatasets>,
      data,
      generatedAt: "x",
    });
    const md = changelogMarkdown(c, (key, v) => `${key}${v ? JSON.stringify(v) : ""}`);
    expect(md).toContain("  - `nameEn`: — → a\\|b c");
  });
});
