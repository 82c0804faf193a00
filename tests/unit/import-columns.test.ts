import { describe, expect, it } from "vitest";
import { enumCode, exportCell, neutraliseFormula, normaliseCell, normaliseDate, unneutraliseFormula } from "@/lib/imports/cells";
import { columnsFor, mapHeaders, missingColumns, normaliseHeader, schoolColumns, schoolMajorColumns } from "@/lib/imports/columns";

const col = (field: string, kind: "schools" | "schoolMajors" = "schools") => columnsFor(kind).find((c) => c.field === field)!;

describe("column mapping", () => {
  it("maps the Chinese headers (and their variants) to fields, ignoring unknown ones", () => {
    const m = mapHeaders("schools", ["院校名称", " 层次 ", "办学性质", "举办者类型", "设备总值(万元)", "占地面积", "备注", ""]);
    expect(m.byIndex.map((c) => c?.field ?? null)).toEqual(["nameZh", "tier", "ownership", "sponsorType", "equipmentValue", "campusArea", null, null]);
    expect(m.unknown).toEqual(["备注"]);
    expect(missingColumns("schools", m.present)).toEqual([]);
  });

  it("names the missing required columns", () => {
    const m = mapHeaders("schools", ["院校名称", "层次"]);
    expect(missingColumns("schools", m.present)).toEqual(["办学性质", "举办者类型"]);
    const majors = mapHeaders("schoolMajors", ["专业代码", "培养层次", "起点", "学制"]);
    expect(missingColumns("schoolMajors", majors.present)).toEqual(["登记编号 / 统一社会信用代码"]);
  });

  it("reports a column given twice", () => {
    expect(mapHeaders("schools", ["院校名称", "学校名称"]).duplicated).toEqual(["院校名称"]);
  });

  it("has one column per field and unique headers", () => {
    for (const cols of [schoolColumns, schoolMajorColumns]) {
      expect(new Set(cols.map((c) => c.field)).size).toBe(cols.length);
      const names = cols.flatMap((c) => [c.header, ...(c.headerAliases ?? [])].map(normaliseHeader));
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("accepts Chinese labels, English codes and aliases for enum cells", () => {
    expect(enumCode(col("tier"), "技师学院")).toBe("TECHNICIAN_COLLEGE");
    expect(enumCode(col("tier"), "technical_school")).toBe("TECHNICAL_SCHOOL");
    expect(enumCode(col("level", "schoolMajors"), "预备技师")).toBe("PRE_TECHNICIAN");
    expect(enumCode(col("level", "schoolMajors"), "预备技师(技师)")).toBe("PRE_TECHNICIAN");
    expect(normaliseCell(col("ownership"), "国办")).toEqual({ value: "国办", issue: { key: "enumValue", params: { allowed: "公办、民办" } } });
  });

  it("normalises numbers, dates and lists", () => {
    expect(normaliseCell(col("fullTimeStudents"), "6,200")).toEqual({ value: 6200 });
    expect(normaliseCell(col("fullTimeStudents"), "")).toEqual({ value: null });
    expect(normaliseCell(col("fullTimeStudents"), "很多").value).toBe("很多");
    expect(normaliseDate("2020/3/5")).toBe("2020-03-05");
    expect(normaliseDate("2020年3月5日")).toBe("2020-03-05");
    expect(normaliseDate(43895)).toBe("2020-03-05"); // an Excel serial day
    expect(normaliseDate(new Date(Date.UTC(2020, 2, 5)))).toBe("2020-03-05");
    expect(normaliseDate("3/5/2020")).toBe("3/5/2020"); // left for the schema to refuse
    expect(normaliseCell(col("altNames"), "甲技工学校；乙技工学校; 丙")).toEqual({ value: ["甲技工学校", "乙技工学校", "丙"] });
  });
});

describe("formula neutralisation", () => {
  it("prefixes cells a spreadsheet would run, and the import removes the prefix again", () => {
    for (const v of ["=1+2", "+86 20 1234", "-5", "@SUM(A1)", "\tx"]) {
      expect(neutraliseFormula(v)).toBe(`'${v}`);
      expect(unneutraliseFormula(neutraliseFormula(v))).toBe(v);
    }
    expect(neutraliseFormula("广州")).toBe("广州");
    expect(unneutraliseFormula("'quoted")).toBe("'quoted");
    expect(exportCell(col("contactPhone"), "+86-20-1234")).toBe("'+86-20-1234");
    expect(normaliseCell(col("contactPhone"), "'+86-20-1234").value).toBe("+86-20-1234");
  });

  it("writes enum labels, lists and numbers as the import reads them", () => {
    expect(exportCell(col("tier"), "SENIOR_TECHNICAL_SCHOOL")).toBe("高级技工学校");
    expect(exportCell(col("altNames"), ["甲", "乙"])).toBe("甲；乙");
    expect(exportCell(col("teachers"), 12)).toBe(12);
    expect(exportCell(col("approvalDate"), new Date(Date.UTC(2020, 2, 5)))).toBe("2020-03-05");
    expect(exportCell(col("nameEn"), null)).toBeNull();
  });
});
