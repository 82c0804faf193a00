import type pg from "pg";
import { mix } from "./measure";

/**
 * The request mixes, drawn from the benchmark database itself so that every query finds
 * something: Chinese substrings (3–4 characters, and 2-character city names), full pinyin and
 * initials prefixes, filters alone, and filters with a name. About 250 distinct search URLs,
 * 300 school pages, a few console list pages.
 */
export type Samples = { search: string[]; schools: string[]; console: string[] };

const TIERS = ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"];
const STATUSES = ["OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING"];
const q = (params: Record<string, string | number>) =>
  `/api/v1/schools?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

export async function drawSamples(pool: pg.Pool): Promise<Samples> {
  const schools = (
    await pool.query<{ id: string; nameZh: string; namePinyin: string; nameInitials: string; authorityId: string; divisionCode: string | null }>(
      `SELECT "id", "nameZh", "namePinyin", "nameInitials", "authorityId", "divisionCode" FROM "School" TABLESAMPLE SYSTEM (2) REPEATABLE (42)
       WHERE "id" LIKE 'bench-%' LIMIT 400`,
    )
  ).rows;
  if (schools.length < 100) throw new Error("The benchmark database has too few schools: run npm run bench:data -- --scale 100 first.");
  const cities = (
    await pool.query<{ code: string; nameZh: string; authorityId: string }>(`SELECT "code", "nameZh", "authorityId" FROM "Division" ORDER BY "code"`)
  ).rows;
  const authorities = [...new Set(schools.map((s) => s.authorityId))];

  const search: string[] = [];
  schools.slice(0, 60).forEach((s, i) => {
    const chars = [...s.nameZh];
    const len = 3 + (i % 2);
    const start = Math.min(i % 4, Math.max(0, chars.length - len));
    search.push(q({ q: chars.slice(start, start + len).join("") }));
  });
  cities.slice(0, 30).forEach((c) => search.push(q({ q: c.nameZh.replace(/市$/, "").slice(0, 2) })));
  schools.slice(60, 100).forEach((s, i) => search.push(q({ q: s.namePinyin.slice(0, 6 + (i % 6)) })));
  schools.slice(100, 130).forEach((s, i) => search.push(q({ q: s.nameInitials.slice(0, 3 + (i % 3)) })));
  authorities.forEach((a, i) => {
    search.push(q({ authority: a, tier: TIERS[i % 3] }));
    if (i % 2 === 0) search.push(q({ authority: a, designation: "KEY_SCHOOL" }));
  });
  cities.slice(0, 30).forEach((c, i) => search.push(q({ city: c.code, ...(i % 3 === 0 ? { status: STATUSES[i % 3] } : {}) })));
  schools.slice(130, 170).forEach((s, i) => {
    const city = cities.find((c) => c.code === s.divisionCode);
    search.push(city && i % 2 ? q({ q: city.nameZh.slice(0, 2), tier: TIERS[i % 3] }) : q({ q: s.namePinyin.slice(0, 8), authority: s.authorityId }));
  });
  for (let p = 2; p <= 6; p++) search.push(q({ tier: TIERS[p % 3], page: p }));

  const console = [
    "/console/schools",
    "/console/schools?page=2",
    "/console/schools?tier=TECHNICIAN_COLLEGE",
    "/console/schools?q=%E6%B7%B1%E5%9C%B3",
    "/console/schools?sort=updated&dir=desc",
    "/console/schools?stale=1",
  ];
  return { search: mix(search), schools: mix(schools.slice(0, 300).map((s) => `/schools/${s.id}`)), console };
}
