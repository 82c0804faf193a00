import { describe, expect, it } from "vitest";
import { lookAlikes, nameSkeleton } from "@/lib/validation/confusables";
import { normaliseName, textProblem } from "@/lib/validation/text";

/** THE text rule and THE name normalisation (lib/validation/text.ts), and the look-alike map. */
describe("textProblem", () => {
  it("refuses direction and invisible characters, lone surrogates and controls; keeps what people type", () => {
    expect(textProblem("佛山市\u202e路")).toBe("invisibleCharacter");
    expect(textProblem("\u2066a\u2069")).toBe("invisibleCharacter");
    expect(textProblem("a\u200bb")).toBe("invisibleCharacter");
    expect(textProblem("a\udb40\udc41b")).toBe("invisibleCharacter"); // a tag character
    expect(textProblem("张\ud800")).toBe("brokenCharacter");
    expect(textProblem("\udfff张")).toBe("brokenCharacter");
    expect(textProblem("a\u0000b")).toBe("controlCharacter");
    expect(textProblem("a\u0085b")).toBe("controlCharacter");
    for (const ok of ["第一行\r\n第二行\t缩进", "👨‍👩‍👧 👍🏽 ❤️", "𠀀𠮷", "Café (Branch) – №1", "（分校）·中心"]) expect(textProblem(ok), ok).toBeNull();
  });

  it("is stricter for names: no line break, tab or zero-width joiner", () => {
    for (const bad of ["学\n校", "学\t校", "学\u200d校", "学\u200c校"]) expect(textProblem(bad, "name"), JSON.stringify(bad)).not.toBeNull();
    expect(textProblem("学\u200d校", "text")).toBeNull();
  });
});

describe("normaliseName", () => {
  it("NFKC: Kangxi radicals, compatibility ideographs and full-width letters become the ordinary characters", () => {
    expect(normaliseName("佛山汽车技\u2f2f学校")).toBe("佛山汽车技工学校");
    expect(normaliseName("\uf900")).toBe("豈");
    expect(normaliseName("Ｆｏｓｈａｎ　１")).toBe("Foshan 1");
  });

  it("brackets are full-width in a name written in Chinese, ASCII in one that is not", () => {
    expect(normaliseName("技工学校(分校)")).toBe("技工学校（分校）");
    expect(normaliseName("技工学校（分校）")).toBe("技工学校（分校）");
    expect(normaliseName("Foshan School （Nanhai）")).toBe("Foshan School (Nanhai)");
  });

  it("is idempotent", () => {
    for (const s of ["佛山汽车技\u2f2f学校(分校)", "Ｆｏｓｈａｎ", "e\u0301", "㈱学校"]) expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
  });
});

describe("look-alike names", () => {
  it("finds radicals, katakana and Cyrillic drawn like the registered characters, and nothing else", () => {
    const registered = ["佛山汽车技工学校", "广州市交通技师学院", "Apple College"];
    expect(lookAlikes("佛山汽车技エ学校", registered)).toEqual(["佛山汽车技工学校"]);
    expect(lookAlikes("广州市交通技师学院", registered)).toEqual([]); // the same name is DUPLICATE, not a look-alike
    expect(lookAlikes("Аpple Сollege", registered)).toEqual(["Apple College"]);
    expect(lookAlikes("佛山汽⻋技工学校", registered)).toEqual(["佛山汽车技工学校"]);
    expect(lookAlikes("佛山汽车技工学院", registered)).toEqual([]);
    expect(nameSkeleton("Ⅰ")).toBe(nameSkeleton("l"));
  });
});
