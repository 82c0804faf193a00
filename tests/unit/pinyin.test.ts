import { describe, expect, it } from "vitest";
import { schoolNamePinyin } from "@/lib/schools/pinyin";

describe("schoolNamePinyin", () => {
  it("gives full pinyin without tones or spaces, and initials", () => {
    expect(schoolNamePinyin("深圳技师学院")).toEqual({ namePinyin: "shenzhenjishixueyuan", nameInitials: "szjsxy" });
    expect(schoolNamePinyin("山东蓝翔高级技工学校")).toEqual({ namePinyin: "shandonglanxianggaojijigongxuexiao", nameInitials: "sdlxgjjgxx" });
  });

  it("reads polyphonic place names in context", () => {
    expect(schoolNamePinyin("重庆五一技师学院").namePinyin).toBe("chongqingwuyijishixueyuan");
    expect(schoolNamePinyin("长沙市技工学校").nameInitials).toBe("cssjgxx");
  });

  it("keeps Latin letters and digits lower case as whole runs, drops punctuation", () => {
    expect(schoolNamePinyin("广州市第2技工学校")).toEqual({ namePinyin: "guangzhoushidi2jigongxuexiao", nameInitials: "gzsd2jgxx" });
    expect(schoolNamePinyin("ABC（汽车）技工学校")).toEqual({ namePinyin: "abcqichejigongxuexiao", nameInitials: "abcqcjgxx" });
  });

  it("writes ü as v", () => {
    expect(schoolNamePinyin("吕梁技师学院").namePinyin).toBe("lvliangjishixueyuan");
  });

  it("returns empty keys for an empty name", () => {
    expect(schoolNamePinyin("  ")).toEqual({ namePinyin: "", nameInitials: "" });
  });
});
