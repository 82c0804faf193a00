import { describe, expect, it } from "vitest";
import { isPublicCodeShape, makePublicCode, normalisePublicCode, PUBLIC_CODE_ALPHABET } from "@/lib/schools/public-code";
import { mulberry32 } from "@/prisma/demo/random";

describe("public codes", () => {
  it("are 8 characters from an alphabet without 0/O/1/I/L, and pass their own check", () => {
    expect(PUBLIC_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const r = mulberry32(42);
    for (let i = 0; i < 500; i++) {
      const code = makePublicCode(r);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(isPublicCodeShape(code)).toBe(true);
    }
  });

  it("are deterministic for a seeded random source", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect([makePublicCode(a), makePublicCode(a)]).toEqual([makePublicCode(b), makePublicCode(b)]);
    expect(makePublicCode(mulberry32(7))).not.toBe(makePublicCode(mulberry32(8)));
  });

  it("detect every single-character error and every swap of neighbours", () => {
    const code = makePublicCode(mulberry32(1));
    for (let i = 0; i < code.length; i++) {
      for (const ch of PUBLIC_CODE_ALPHABET) {
        if (ch === code[i]) continue;
        expect(isPublicCodeShape(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
      if (i < code.length - 1 && code[i] !== code[i + 1]) {
        expect(isPublicCodeShape(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBe(false);
      }
    }
  });

  it("reject wrong lengths and characters; normalise what people type", () => {
    const code = makePublicCode(mulberry32(3));
    expect(isPublicCodeShape(code.slice(0, 7))).toBe(false);
    expect(isPublicCodeShape(code + "2")).toBe(false);
    expect(isPublicCodeShape(code.toLowerCase())).toBe(false);
    expect(isPublicCodeShape("0OIL1234")).toBe(false);
    expect(normalisePublicCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
  });
});
