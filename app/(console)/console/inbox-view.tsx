import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Panel } from "@/components/panel";
import { StatCard } from "@/components/stat-card";
import { localName } from "@/components/local-name";
import { formatShanghai } from "@/lib/kernel/dates";
import type { loadInbox } from "@/lib/inbox/loaders";
import type { InboxItem, InboxRow } from "@/lib/inbox/types";

type Inbox = Awaited<ReturnType<typeof loadInbox>>;

/** The home's inbox: each item a heading link with its count and due date, and its first rows as links. */
export async function InboxView({ inbox }: { inbox: Inbox }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  // A due date already past reads "overdue" (a review after its deadline, a notice already ended).
  const date = (when: Date) => t(when < inbox.now ? "inbox.overdue" : "inbox.due", { date: formatShanghai(when, locale).slice(0, 10) });
  const note = (row: InboxRow) => {
    if (!row.note) return null;
    const params = Object.fromEntries(
      Object.entries(row.note.params ?? {}).map(([name, value]) => [name, value instanceof Date ? formatShanghai(value, locale) : value]),
    );
    for (const [name, key] of Object.entries(row.note.terms ?? {})) params[name] = t(key);
    return t(`inbox.note.${row.note.key}`, params);
  };
  const open = inbox.items.filter((item) => item.count > 0);
  return (
    <div className="space-y-6">
      {inbox.progress ? (
        <Panel title={t("inbox.progressTitle")} plain testId="inbox-progress">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard label={t("progress.schoolsAnnounced")} value={`${inbox.progress.schools.announced} / ${inbox.progress.schools.target}`} />
            <StatCard label={t("progress.schoolsInProcess")} value={inbox.progress.schools.inProcess} />
            <StatCard label={t("progress.majorsAnnounced")} value={`${inbox.progress.majors.announced} / ${inbox.progress.majors.target}`} />
            <StatCard label={t("progress.majorsInProcess")} value={inbox.progress.majors.inProcess} />
          </div>
          <Link href="/console/selection/progress" className="text-sm underline">
            {t("inbox.progressLink")}
          </Link>
        </Panel>
      ) : null}
      <Panel title={t("inbox.title")} intro={t("inbox.intro")} testId="inbox">
        {open.length === 0 ? <p className="text-sm text-slate-700">{t("inbox.empty")}</p> : null}
        <ul className="space-y-4">
          {open.map((item) => (
            <Item key={item.key} item={item} name={(named) => localName(named, locale)} note={note} date={date} t={t} />
          ))}
        </ul>
      </Panel>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;

function Item({
  item,
  name,
  note,
  date,
  t,
}: {
  item: InboxItem;
  name: (n: InboxRow["name"]) => string;
  note: (r: InboxRow) => string | null;
  date: (d: Date) => string;
  t: T;
}) {
  return (
    <li className="rounded border border-slate-200 p-3" data-testid={`inbox-${item.key}`}>
      <h3 className="font-semibold">
        <Link href={item.href} className="underline">
          {t(`inbox.items.${item.key}`)}
        </Link>{" "}
        <span className="tabular-nums" data-testid="inbox-count">
          {t("inbox.count", { n: item.count })}
        </span>
        {item.due ? <span className="ml-2 text-sm font-normal text-amber-800">{date(item.due)}</span> : null}
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {item.rows.map((row) => (
          <li key={row.id}>
            <Link href={row.href} className="underline">
              {name(row.name)}
            </Link>
            {row.place ? <span className="text-slate-600"> · {name(row.place)}</span> : null}
            {row.note ? <span className="text-slate-600"> · {note(row)}</span> : null}
            {row.due ? <span className="text-amber-800"> · {date(row.due)}</span> : null}
          </li>
        ))}
      </ul>
      {item.count > item.rows.length ? (
        <Link href={item.href} className="mt-2 inline-block text-sm underline">
          {t("inbox.viewAll", { n: item.count })}
        </Link>
      ) : null}
    </li>
  );
}
