import "server-only";
import { authorityNames, countByAuthority, listMeasure, measureOf, within } from "@/lib/quality/data";
import type { InboxContext, InboxProvider } from "./types";

/**
 * Data-quality work (lib/quality): each item is one measure of the data-quality page, counted and
 * listed by that measure's own `where`, and links to its drill-down list — the inbox never counts
 * a quality problem another way than the page does.
 */
const scopeOf = (c: InboxContext) => {
  if (!c.scope) throw new Error("inbox provider needs an authority scope");
  return c.scope;
};

/** An officer's item: the records one measure counts in their authority, the first few as links to the school. */
const recordsOf = (key: string, measure: string): InboxProvider => ({
  key,
  page: "loadQualityList",
  async load(c) {
    const found = await measureOf(scopeOf(c), c.now, measure);
    const { total, rows } = await listMeasure(scopeOf(c), found!, 1, c.take);
    return {
      key,
      count: total,
      due: null,
      href: `/console/quality/${measure}`,
      rows: rows.map((s) => ({ id: s.id, href: `/console/schools/${s.id}`, name: s, due: null })),
    };
  },
});

export const belowStandardItem = recordsOf("belowStandard", "belowAny");
export const missingRequiredItem = recordsOf("missingRequired", "missingRequired");
export const duplicatesItem = recordsOf("duplicates", "duplicates");

/** The ministry's item: authorities with records that have a quality problem, most first, each linking to its list. */
export const qualityByAuthorityItem: InboxProvider = {
  key: "qualityByAuthority",
  page: "loadQualityList",
  async load(c) {
    const scope = scopeOf(c);
    const measure = (await measureOf(scope, c.now, "problems"))!;
    const counts = [...(await countByAuthority(within(scope, measure.where))).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = counts.slice(0, c.take);
    const names = await authorityNames(shown.map(([id]) => id));
    return {
      key: this.key,
      count: counts.length,
      due: null,
      href: "/console/quality",
      rows: shown.map(([id, n]) => ({
        id,
        href: `/console/quality/problems?authority=${id}`,
        name: names.find((a) => a.id === id)!,
        due: null,
        note: { key: "qualityProblems", params: { n } },
      })),
    };
  },
};
