import { normalisePublicCode } from "@/lib/schools/public-code";
import { normaliseName } from "@/lib/validation/text";

/**
 * THE name-search rule, for the console list, its export, the public search and the open-data API
 * (one home: issue 11, finding 1). Pure — no database — so a page, a test or the SQL builder
 * (lib/search/data.ts) reads the same decisions. A school matches a query when
 *   - any of its names (Chinese, English, alternative, former — School."searchText") contains the
 *     query, case-insensitive, wildcards literal; a 1–2 character query is looked up among the
 *     names' 1–2 character pieces (School."searchGrams"), which gives the same answer;
 *   - or the query, as pinyin, is a prefix of the name's full pinyin or of its initials;
 *   - or the query, as an identifier, is exactly the school's USCC or public code.
 */
export type SchoolMatch = {
  /** The query, normalised as names are stored (NFKC: normaliseName) and trimmed: a part of some name. */
  text: string;
  /** Fewer than 3 characters: too short for the trigram index, looked up among the pieces instead. */
  short: boolean;
  /** The query as the pinyin columns store it, or null when it is not pinyin-like. */
  pinyin: string | null;
  /** The query as USCCs and public codes are stored (upper case, no spaces or hyphens), or null. */
  code: string | null;
};

export const SHORT_QUERY_CHARS = 3;

/**
 * The rule applied to a query; null when there is nothing to search for. The query is normalised by
 * the same rule as the stored names, so "技⼯" (Kangxi radical) or "ＳＨＥＮ" (full width) finds them.
 */
export function schoolMatch(q: string | null | undefined): SchoolMatch | null {
  const text = q && normaliseName(q).trim();
  if (!text) return null;
  return { text, short: [...text].length < SHORT_QUERY_CHARS, pinyin: pinyinQuery(text), code: identifierQuery(text) };
}

/**
 * The query as the pinyin columns store it: lower case, ASCII letters only ("Shen Zhen" → "shenzhen").
 * Null when the query is not a pinyin-like string.
 */
export function pinyinQuery(q: string): string | null {
  const s = q.toLowerCase().replace(/[\s'’·-]+/g, "");
  return /^[a-z]{1,60}$/.test(s) ? s : null;
}

/**
 * The query as an identifier: a USCC (18 characters) or a public code (8) as typed, made
 * comparable the way the verification page does (normalisePublicCode: upper case, spaces and hyphens dropped).
 * Loose on purpose (6–18 letters and digits): an exact match on a unique column costs one index probe.
 */
export function identifierQuery(q: string): string | null {
  const s = normalisePublicCode(q);
  return /^[0-9A-Z]{6,18}$/.test(s) ? s : null;
}

/**
 * The half-open range [lower, upper) holding every a–z string starting with `prefix`, so a prefix
 * match can use a plain btree index under any collation ("shenzhen" → ["shenzhen", "shenzheo");
 * "az" → ["az", "b"); "zz" → ["zz", no upper bound)).
 */
export function prefixRange(prefix: string): { lower: string; upper: string | null } {
  let head = prefix;
  while (head.endsWith("z")) head = head.slice(0, -1);
  if (!head) return { lower: prefix, upper: null };
  return { lower: prefix, upper: head.slice(0, -1) + String.fromCharCode(head.charCodeAt(head.length - 1) + 1) };
}
