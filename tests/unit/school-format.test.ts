import { describe, expect, it } from "vitest";
import { formatNumber, formatValue, sinceText, type RootT } from "@/lib/schools/format";

// A translator that knows no key: formatValue falls through to its number rule.
const t = Object.assign((key: string) => key, { has: () => false }) as RootT;

describe("formatValue: numbers", () => {
  it("shows a year as written, in every locale (issue 13: the data year read 2,025)", () => {
    for (const locale of ["zh-CN", "en"]) {
      expect(formatValue(t, locale, "School", "figuresYear", 2025)).toBe("2025");
      expect(formatValue(t, locale, "SelectionBatch", "year", 2025)).toBe("2025");
      expect(formatNumber("figuresYear", 2025, locale)).toBe("2025");
    }
  });

  it("keeps the locale's separators for quantities", () => {
    expect(formatValue(t, "zh-CN", "School", "fullTimeStudents", 12500)).toBe("12,500");
    expect(formatValue(t, "en", "School", "campusArea", 66000)).toBe("66,000");
  });
});

describe("sinceText", () => {
  const withDate = (date: string) => `技工学校（自 ${date}）`;
  it("words the value with its date, or gives the value alone when the date is unknown (issue 13: 自 —)", () => {
    expect(sinceText("技工学校", new Date("2024-03-01T00:00:00Z"), withDate)).toBe("技工学校（自 2024-03-01）");
    expect(sinceText("技工学校", "2024-03-01", withDate)).toBe("技工学校（自 2024-03-01）");
    expect(sinceText("技工学校", null, withDate)).toBe("技工学校");
  });
});
