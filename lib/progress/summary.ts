import { SchoolTier, SelectionBatchStatus, SelectionKind, TIERS } from "@/lib/kernel/enums";
import type { BatchCountRow, CountRow } from "./data";

/** Pure assembly of the progress figures (unit-tested), from the grouped counts. */
export type Pair = { announced: number; inProcess: number };
export type KindPair = { schools: Pair; majors: Pair };

const zero = (): KindPair => ({ schools: { announced: 0, inProcess: 0 }, majors: { announced: 0, inProcess: 0 } });
const key = (k: SelectionKind) => (k === "SCHOOL" ? "schools" : "majors");

export type ProgressSummary = {
  schools: Pair & { target: number };
  majors: Pair & { target: number };
  byAuthority: ({ authorityId: string; gbCode: string | null; nameZh: string; nameEn: string } & KindPair)[];
  byTier: ({ tier: SchoolTier } & KindPair)[];
  byBatch: {
    id: string;
    year: number;
    nameZh: string;
    nameEn: string | null;
    kind: SelectionKind;
    status: SelectionBatchStatus;
    target: number;
    announced: number;
    inProcess: number;
  }[];
};

export function summarise(input: {
  targets: Record<SelectionKind, number>;
  announced: CountRow[];
  inProcess: CountRow[];
  authorities: { id: string; gbCode: string | null; nameZh: string; nameEn: string }[];
  batches: { id: string; year: number; nameZh: string; nameEn: string | null; kind: SelectionKind; status: SelectionBatchStatus; targetCount: number }[];
  batchCounts: BatchCountRow[];
}): ProgressSummary {
  const total = zero();
  const byAuth = new Map(input.authorities.map((a) => [a.id, zero()]));
  const byTier = new Map(TIERS.map((t) => [t, zero()]));
  const add = (rows: CountRow[], field: keyof Pair) => {
    for (const r of rows) {
      total[key(r.kind)][field] += r.n;
      const a = byAuth.get(r.authorityId);
      if (a) a[key(r.kind)][field] += r.n;
      byTier.get(r.tier)![key(r.kind)][field] += r.n;
    }
  };
  add(input.announced, "announced");
  add(input.inProcess, "inProcess");
  return {
    schools: { target: input.targets.SCHOOL, ...total.schools },
    majors: { target: input.targets.MAJOR, ...total.majors },
    byAuthority: input.authorities.map((a) => ({ authorityId: a.id, gbCode: a.gbCode, nameZh: a.nameZh, nameEn: a.nameEn, ...byAuth.get(a.id)! })),
    byTier: TIERS.map((t) => ({ tier: t, ...byTier.get(t)! })),
    byBatch: input.batches.map((b) => {
      const c = input.batchCounts.find((x) => x.batchId === b.id);
      return {
        id: b.id,
        year: b.year,
        nameZh: b.nameZh,
        nameEn: b.nameEn,
        kind: b.kind,
        status: b.status,
        target: b.targetCount,
        announced: c?.announced ?? 0,
        inProcess: c?.inProcess ?? 0,
      };
    }),
  };
}

/** Share of the target reached, in whole percent (never above 100 for display bars). */
export function percentOf(n: number, target: number): number {
  return target > 0 ? Math.round((n / target) * 1000) / 10 : 0;
}
