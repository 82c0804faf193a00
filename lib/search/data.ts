import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/client";
import { prefixRange, type SchoolMatch } from "./school-match";

/**
 * The one SQL form of the name-search rule (lib/search/school-match.ts), over `"School" s`, and the
 * two queries every school list runs with it: a page of ids in order, and the count.
 *
 * Why raw SQL for the console too: the match needs what Prisma's query builder cannot say with an
 * index — the pieces lookup `@>` on a lower()-ed array, the pinyin prefix written as a range (a btree
 * serves it under any collation) and ILIKE with the wildcards escaped (Prisma's `contains` passes
 * `%` and `_` through). So the console list, its export and the public search all build their WHERE
 * from `schoolMatchSql` plus their own filters, fetch ids here, and then select their own fields
 * with Prisma by id. One definition, no second form to keep in step.
 *
 * Every branch has its index: the trigram GIN on searchText (3+ characters), the GIN on searchGrams
 * (1–2), the btrees on namePinyin and nameInitials, the unique btrees on uscc and publicCode.
 */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function prefixSql(column: Prisma.Sql, prefix: string): Prisma.Sql {
  const { lower, upper } = prefixRange(prefix);
  const range = upper === null ? Prisma.sql`${column} >= ${lower}` : Prisma.sql`${column} >= ${lower} AND ${column} < ${upper}`;
  return Prisma.sql`(${range} AND ${column} LIKE ${`${prefix}%`})`;
}

/** The match as one SQL condition. lower() is the trigger's own, so the pieces compare alike. */
export function schoolMatchSql(m: SchoolMatch): Prisma.Sql {
  const any = [m.short ? Prisma.sql`s."searchGrams" @> ARRAY[lower(${m.text})]::text[]` : Prisma.sql`s."searchText" ILIKE ${`%${likeEscape(m.text)}%`}`];
  if (m.pinyin) any.push(prefixSql(Prisma.sql`s."namePinyin"`, m.pinyin), prefixSql(Prisma.sql`s."nameInitials"`, m.pinyin));
  if (m.code) any.push(Prisma.sql`s."uscc" = ${m.code}`, Prisma.sql`s."publicCode" = ${m.code}`);
  return Prisma.sql`(${Prisma.join(any, " OR ")})`;
}

/** The column filters both lists offer, with the same meaning. */
export type SchoolColumnFilters = { authority?: string | null; city?: string; tier?: string; status?: string };

export function schoolColumnFiltersSql(f: SchoolColumnFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.authority) parts.push(Prisma.sql`s."authorityId" = ${f.authority}`);
  if (f.city) parts.push(Prisma.sql`s."divisionCode" = ${f.city}`);
  // Compared as the enum, not as text: a cast column cannot be an index condition
  // ((authorityId, tier, status) then serves an authority's tier or status from the index alone).
  if (f.tier) parts.push(Prisma.sql`s."tier" = ${f.tier}::"SchoolTier"`);
  if (f.status) parts.push(Prisma.sql`s."status" = ${f.status}::"SchoolStatus"`);
  return parts;
}

export const whereSql = (parts: Prisma.Sql[]): Prisma.Sql => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

type Reader = Pick<PrismaClient, "$queryRaw">;

/**
 * One page of matching ids, in order. `matchFirst` (for a name match known to be narrow): find the
 * matches with their own index, then sort them. Without it the planner may walk the name-order
 * index and test each row, expecting matches spread evenly — but names that share a piece share
 * their pinyin too ("深圳…" all sort under "shenzhen"), so it read 175,000 rows for 50 (5 s, issue 15).
 * OFFSET 0 keeps the inner query from being merged into the outer one.
 */
export async function schoolIds(
  client: Reader,
  where: Prisma.Sql[],
  orderBy: Prisma.Sql,
  limit: number,
  offset: number,
  opts: { matchFirst?: boolean } = {},
): Promise<string[]> {
  const from = opts.matchFirst ? Prisma.sql`(SELECT * FROM "School" s ${whereSql(where)} OFFSET 0) s` : Prisma.sql`"School" s ${whereSql(where)}`;
  const rows = await client.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT s."id" FROM ${from} ${orderBy} LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((r) => r.id);
}

/** How many schools match (its own statement, so each query can use its own index). */
export async function schoolCount(client: Reader, where: Prisma.Sql[]): Promise<number> {
  const rows = await client.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT count(*) AS n FROM "School" s ${whereSql(where)}`);
  return Number(rows[0]?.n ?? 0);
}

/** Rows fetched by id (in any order) put back in the order of `ids`. */
export function inIdOrder<R extends { id: string }>(ids: string[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
