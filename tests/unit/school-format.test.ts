import { describe, expect, it } from "vitest";
import { sinceText } from "@/lib/schools/format";

describe("sinceText", () => {
  const withDate = (date: string) => `技工学校（自 ${date}）`;
  it("words the value with its date, or gives the value alone when the date is unknown (issue 13: 自 —)", () => {
    expect(sinceText("技工学校", new Date("2024-03-01T00:00:00Z"), withDate)).toBe("技工学校（自 2024-03-01）");
    expect(sinceText("技工学校", "2024-03-01", withDate)).toBe("技工学校（自 2024-03-01）");
    expect(sinceText("技工学校", null, withDate)).toBe("技工学校");
  });
});
