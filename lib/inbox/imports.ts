import "server-only";
import { unfinishedImports } from "./imports/data";
import { earliest, type InboxContext, type InboxProvider } from "./types";

/** The caller's own uploads checked by a dry run and never confirmed (lib/inbox/imports/data.ts). */
export const unfinishedImportsItem: InboxProvider = {
  key: "unfinishedImports",
  page: "loadImportsPage",
  async load(c: InboxContext) {
    const { count, rows } = await unfinishedImports(c.user.id, c.now, c.take);
    return {
      key: this.key,
      count,
      due: earliest(rows.map((j) => j.due)),
      href: "/console/imports",
      rows: rows.map((j) => ({
        id: j.id,
        href: `/console/imports?job=${encodeURIComponent(j.id)}`,
        name: { nameZh: j.fileName },
        due: j.due,
        note: { key: "uploaded", params: { n: j.rowCount, at: j.createdAt } },
      })),
    };
  },
};
