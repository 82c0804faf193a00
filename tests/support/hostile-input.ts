import fc from "fast-check";
import validationEn from "@/lib/i18n/messages/en/validation.json";

/**
 * Hostile input for the property-based tests (tests/unit/*.property.test.ts): random strings in
 * every Unicode shape plus the payloads an attacker or a careless spreadsheet sends.
 */
export const PAYLOADS = [
  "",
  " ",
  "\u3000广州市示例技师学院\u3000",
  "' OR '1'='1",
  '1; DROP TABLE "School"; --',
  "1' AND SLEEP(5)-- -",
  "admin'--",
  "$1",
  "%00",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","点这里")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "'=1+1",
  "\u0000",
  "abcd\u0000efgh",
  "\u0007\u0008\u001b[31m",
  "\u202Egnp.exe",
  "\u2066\u2067isolated\u2069",
  "%ff",
  "%ED%A0%80",
  "学院\u200B\u200C\u200D\uFEFF",
  "\uD800",
  "a\uDFFFb",
  "𠀀𠮷",
  "Аpple Сollege", // Cyrillic А and С
  "技师学院 College Колледж 🎓👨‍👩‍👧",
  "ｆｕｌｌ　ｗｉｄｔｈ１２３",
  "e\u0301", // decomposed é
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "1e2",
  "0x10",
  " 5 ",
  "-0",
  "NaN",
  "Infinity",
  "1e308",
  "９９",
  "99999999999999999999999",
  "2026-02-30",
  "0000-00-00",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
] as const;

/**
 * Characters THE text rule (lib/validation/text.ts) refuses in free text, by its catalog key:
 * direction overrides/isolates/marks and invisible format characters, lone surrogates, NUL and controls.
 */
export const REFUSED_IN_TEXT: Record<"invisibleCharacter" | "brokenCharacter" | "controlCharacter", readonly string[]> = {
  invisibleCharacter: [
    "\u202e",
    "\u202a",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u2028",
    "\udb40\udc41",
  ],
  brokenCharacter: ["\ud800", "\udbff", "\udc00", "\udfff"],
  controlCharacter: ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085"],
};

/**
 * Path segments a URL may carry that do not decode (Next's router threw on them: a bare 500) or
 * decode to NUL or a control character: every one is a 400 from proxy.ts.
 */
export const MALFORMED_PERCENT = [
  "%",
  "%f",
  "%ff",
  "%zz",
  "%E4%B8",
  "%ED%A0%80",
  "%C0%AF",
  "%F4%90%80%80",
  "%%",
  "%u202e",
  "%00",
  "a%00b",
  "%0A",
  "%1b",
] as const;

/** 100k characters: the length a text field must refuse without blowing up. */
export const HUGE = ["x".repeat(100_000), "院".repeat(100_000), "\u0000".repeat(100_000), "😀".repeat(50_000)];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) }, // lone surrogates included
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(" ", "\t", "\n", "\u3000", ""), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 }), fc.constantFrom(" ", "\r\n", ""))
      .map(([a, b, c, d]) => `${a}${b}${c}${d}`),
  },
);

/** Any value a FormData, JSON body or query string could hand a schema. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** Keys that could pollute prototypes, next to the schema's own keys. */
export const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "toString", "valueOf"] as const;

/**
 * An object built from `base` with some keys (the schema's own and dangerous ones) overwritten by
 * hostile values. `__proto__` is set as an own property (as JSON.parse does), not as the prototype.
 */
export function hostileRecord(base: Record<string, unknown>, keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.tuple(fc.constantFrom(...keys, ...DANGEROUS_KEYS), hostileValue), { maxLength: 6 }).map((pairs) => {
    const o: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  });
}

/** Every key a validation message may use (validation.json), plus the import refusals. */
export const VALIDATION_KEYS = new Set(Object.keys(validationEn));

/** Whether anything leaked onto Object.prototype (run after each property). */
export function prototypePolluted(): boolean {
  const probe: Record<string, unknown> = {};
  return Object.keys(Object.prototype).length > 0 || "polluted" in probe || probe.isAdmin !== undefined;
}

/** Every string inside a value (deep), for "accepted strings are normalised" checks. */
export function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out));
  else if (v && typeof v === "object" && !(v instanceof Date)) Object.values(v).forEach((x) => stringsIn(x, out));
  return out;
}
