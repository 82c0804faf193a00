import { pinyin } from "pinyin-pro";

/**
 * Search keys for a Chinese school name: full pinyin without tones or spaces ("shenzhenjishixueyuan")
 * and initials ("szjsxy"). Latin letters and digits are kept, lower case, as whole runs in both
 * ("第2技工学校" → "di2jigongxuexiao" / "d2jgxx"); punctuation and spaces are dropped; ü is written v.
 * Pure: used by the seed, the school mutations, the import and search.
 */
export type NamePinyin = { namePinyin: string; nameInitials: string };

const RUNS = /(\p{Script=Han}+)|([A-Za-z0-9]+)/gu;

export function schoolNamePinyin(nameZh: string): NamePinyin {
  let namePinyin = "";
  let nameInitials = "";
  for (const [, han, latin] of nameZh.normalize("NFKC").matchAll(RUNS)) {
    if (latin) {
      const k = latin.toLowerCase();
      namePinyin += k;
      nameInitials += k;
      continue;
    }
    // A whole Han run at once, so that pinyin-pro can pick readings from context (重庆, 长沙).
    for (const syllable of pinyin(han, { toneType: "none", type: "array", v: true })) {
      const k = syllable
        .toLowerCase()
        .replace(/ü/g, "v")
        .replace(/[^a-z]/g, "");
      if (!k) continue;
      namePinyin += k;
      nameInitials += k[0];
    }
  }
  return { namePinyin, nameInitials };
}
