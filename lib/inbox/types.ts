import type { LoaderName } from "@/lib/auth/policy";
import type { AuthorityScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";

/** A name as the register stores it (Chinese first, English when there is one). */
export type Named = { nameZh: string; nameEn?: string | null };

/**
 * One row of an inbox item: a link to the page where that piece of work is done. `note` is a key
 * under `inbox.note` with its params (a Date is shown in Asia/Shanghai; `terms` are params given as message keys, such
 * as a status's name) that says what is due on the row.
 */
export type InboxRow = {
  id: string;
  href: string;
  name: Named;
  place?: Named | null;
  due: Date | null;
  note?: { key: string; params?: Record<string, string | number | Date>; terms?: Record<string, string> };
};

/** One kind of work: how many, the earliest due date, the first rows, and where the whole list is. */
export type InboxItem = { key: string; count: number; due: Date | null; href: string; rows: InboxRow[] };

export type InboxContext = {
  user: SessionUser;
  /** The caller's authority scope; null for roles without one (expert, the 三员). */
  scope: AuthorityScope | null;
  now: Date;
  /** At most this many rows per item: no query returns more than the page shows. */
  take: number;
};

/**
 * A source of inbox items. `page` is the policy row of the page the item links to: the item is
 * shown only to those that page lets in (as the console navigation does), so an inbox never
 * points at a page that would refuse its reader.
 */
export type InboxProvider = { key: string; page: LoaderName; load: (c: InboxContext) => Promise<InboxItem> };

export const INBOX_ROWS = 5;

export function earliest(dates: (Date | null)[]): Date | null {
  const set = dates.filter((d): d is Date => d !== null);
  return set.length ? new Date(Math.min(...set.map((d) => d.getTime()))) : null;
}
