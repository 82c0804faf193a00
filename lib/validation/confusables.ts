import { normaliseName } from "./text";

/**
 * Look-alike names: what is left after THE name normalisation (normaliseName, NFKC) that still
 * looks like another character. NFKC already makes the Kangxi radicals (U+2F00–U+2FDF), the CJK
 * compatibility ideographs and the full-width and half-width forms ordinary characters; this small
 * map covers, deliberately no more:
 *   - CJK Radicals Supplement characters (U+2E80–U+2EFF) drawn like a whole character, which NFKC
 *     leaves alone (⻋ 车, ⻔ 门, ⻢ 马, ⻄ 西 …);
 *   - katakana drawn like an ideograph (エ 工, カ 力, ロ 口, ニ 二, ハ 八, ト 卜, タ 夕, ー 一) and 囗 口;
 *   - Cyrillic and Greek letters drawn like Latin ones (А a, С c, Р p, Η h …), and 0 o, 1 l, I l in
 *     English names; the middle dots (・ ･ • ‧ → ·).
 * A match is a warning for a person to look at (ctx.warn), never a refusal: two real schools may
 * differ by one such character.
 */
const PAIRS =
  "⺁厂⺇几⺊卜⺝月⺠民⺩王⻄西⻅见⻆角⻈讠⻉贝⻋车⻓长⻔门⻘青⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙" +
  "エ工カ力ロ口ニ二ハ八ト卜タ夕ー一囗口" +
  "АaВbЕeКkМmНhОoРpСcТtХxУyаaеeоoрpсcуyхxіiјjѕsΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxοo0o1lIl" +
  "・·•·‧·";
const LOOKS_LIKE = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) LOOKS_LIKE.set(PAIRS[i], PAIRS[i + 1]);

/** The form two look-alike names share: normalised, mapped (before case folding: I is l, i is i), lower case, without spaces. */
export function nameSkeleton(name: string): string {
  return [...normaliseName(name)]
    .map((c) => LOOKS_LIKE.get(c) ?? c)
    .join("")
    .toLowerCase()
    .replace(/\s+/g, "");
}

/** The names of `others` that look like `name` without being it. */
export function lookAlikes(name: string, others: readonly string[]): string[] {
  const skeleton = nameSkeleton(name);
  const own = normaliseName(name);
  return others.filter((o) => normaliseName(o) !== own && nameSkeleton(o) === skeleton);
}
