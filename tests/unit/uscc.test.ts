import { describe, expect, it } from "vitest";
import { isValidUscc, usccCheckChar, usccProblem, withCheckChar } from "@/lib/schools/uscc";

describe("统一社会信用代码 check character", () => {
  it("accepts published codes", () => {
    // Published codes of well-known organisations (public registers).
    for (const code of ["91350100M000100Y43", "911100001000044477", "91440300708461136T"]) {
      expect(isValidUscc(code), code).toBe(true);
    }
  });

  it("reports the expected check character when one character is changed", () => {
    expect(usccProblem("91350100M000100Y44")).toEqual({ kind: "checkDigit", expected: "3", actual: "4" });
  });

  it("reports wrong length and forbidden letters", () => {
    expect(usccProblem("1234")).toEqual({ kind: "length", length: 4 });
    expect(usccProblem("91350100M000100I43")).toEqual({ kind: "forbidden", char: "I", position: 16 });
    expect(usccProblem("91350100M00010#Y43")).toEqual({ kind: "invalidChar", char: "#", position: 15 });
  });

  it("maps a computed value of 31 to 0 and round-trips generated codes", () => {
    for (let i = 0; i < 200; i++) {
      const body = `12${String(110000 + i).padStart(6, "0")}${String(i * 7919).padStart(9, "0")}`;
      const code = withCheckChar(body);
      expect(isValidUscc(code)).toBe(true);
      expect(usccCheckChar(body)).toBe(code[17]);
    }
  });
});
