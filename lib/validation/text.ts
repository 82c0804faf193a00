/**
 * THE text rule: which characters a value a person typed may hold, for every entry point (form
 * fields through the zod helpers in ./safe-text.ts, server actions through parseInput, search terms,
 * console filters, route parameters, imports). One home, so a name, an address and a query agree.
 *
 * - NUL: PostgreSQL cannot store or compare it ("invalid byte sequence for encoding UTF8: 0x00").
 * - A lone UTF-16 surrogate is no character at all: UTF-8 cannot encode it, so the database (the
 *   audit log's JSON first) refuses it with a 500. Only a JSON body can carry one (URLs and form
 *   posts arrive as UTF-8 and decode to U+FFFD).
 * - C0/C1 control characters: none belongs in a name or a search term; free text keeps tab and line breaks.
 * - Text-direction marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–U+202E,
 *   U+2066–U+2069) make a text read backwards or a look-alike pass ("‮gnp.exe"); the invisible
 *   format characters (zero-width space, word joiner, invisible operators, BOM, Mongolian vowel
 *   separator, interlinear annotation, line/paragraph separators, tag characters) hide inside one.
 *   Names also refuse zero-width (non-)joiners, which free text keeps for emoji and scripts that need them.
 */
export const NUL = "\u0000";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE_IN_TEXT = /[\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const INVISIBLE_IN_NAME = /[\u200c\u200d]/;

export type TextProblem = "controlCharacter" | "brokenCharacter" | "invisibleCharacter";
/** `name`: a school's names (nothing invisible at all); `text`: any other free text (tab, CR, LF allowed). */
export type TextKind = "name" | "text";

/** What is wrong with a text, as a `validation.*` catalog key; null when nothing is. */
export function textProblem(s: string, kind: TextKind = "text"): TextProblem | null {
  if ((kind === "name" ? CONTROL : CONTROL_IN_TEXT).test(s)) return "controlCharacter";
  if (LONE_SURROGATE.test(s)) return "brokenCharacter";
  if (INVISIBLE_IN_TEXT.test(s) || (kind === "name" && INVISIBLE_IN_NAME.test(s))) return "invisibleCharacter";
  return null;
}

export const hasNul = (s: string): boolean => s.includes(NUL);
/** A character no stored value can hold (NUL, a lone surrogate): parseInput refuses it in every action field. */
export const isUnstorable = (s: string): boolean => hasNul(s) || LONE_SURROGATE.test(s);
/** A control character or a broken (lone-surrogate) one: search terms, filters and ids refuse both. */
export const hasControlChar = (s: string): boolean => CONTROL.test(s) || LONE_SURROGATE.test(s);
/** For `.refine(noControlChars, "validation.controlCharacter")` on search terms and filters. */
export const noControlChars = (s: string | undefined): boolean => s === undefined || !hasControlChar(s);
/** For names: nothing invisible, no control character, nothing broken. */
export const isCleanName = (s: string | null | undefined): boolean => !s || textProblem(s, "name") === null;

/**
 * THE name normalisation (stored names and search queries alike): NFKC, so a Kangxi radical
 * (⼯ U+2F2F), a CJK compatibility ideograph or a full-width letter is the ordinary character and
 * two names that look the same are the same name. Full-width brackets, which NFKC would make ASCII,
 * stay full-width in a name written in Chinese characters (the form official Chinese names use),
 * and ASCII brackets there become full-width: "学校(分校)" and "学校（分校）" are one name.
 */
const HAN = /[\u3400-\u9fff]|[\ud840-\ud8bf][\udc00-\udfff]/;
export function normaliseName(s: string): string {
  const n = s.normalize("NFKC");
  return HAN.test(n) ? n.replace(/\(/g, "（").replace(/\)/g, "）") : n;
}
