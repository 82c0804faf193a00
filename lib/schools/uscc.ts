/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from
 * 0-9 and A-Y without I, O, Z, S, V; the last one is a check character.
 */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORBIDDEN = new Set(["I", "O", "Z", "S", "V"]);

export type UsccProblem =
  | { kind: "length"; length: number }
  | { kind: "forbidden"; char: string; position: number }
  | { kind: "invalidChar"; char: string; position: number }
  | { kind: "checkDigit"; expected: string; actual: string };

/** The check character for the first 17 characters (which must be from the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Normalises (trim, upper case) and checks a code; returns the first problem found, or null. */
export function usccProblem(raw: string): UsccProblem | null {
  const code = normaliseUscc(raw);
  if (code.length !== 18) return { kind: "length", length: code.length };
  for (let i = 0; i < 18; i++) {
    const ch = code[i];
    if (FORBIDDEN.has(ch)) return { kind: "forbidden", char: ch, position: i + 1 };
    if (!USCC_ALPHABET.includes(ch)) return { kind: "invalidChar", char: ch, position: i + 1 };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { kind: "checkDigit", expected, actual: code[17] };
  return null;
}

export function normaliseUscc(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isValidUscc(raw: string): boolean {
  return usccProblem(raw) === null;
}

/** Public institutions mostly start 12, private non-enterprise units 52, enterprises 91: a hint, not a rule. */
export function usccCategoryHint(code: string): "public" | "private" | "enterprise" | "other" {
  const p = code.slice(0, 2);
  return p === "12" ? "public" : p === "52" ? "private" : p === "91" ? "enterprise" : "other";
}

/** Builds a code with a valid check character from 17 characters (demo data and tests). */
export function withCheckChar(first17: string): string {
  return first17 + usccCheckChar(first17);
}
