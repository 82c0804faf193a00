import { DATASETS, recordLabel, type DatasetName, type ReleaseDatasets } from "./records";

/**
 * What changed between two releases, record by record (pure). A record is matched by id; a changed
 * record lists the fields whose values differ, with both values.
 */
export type FieldChange = { name: string; before: unknown; after: unknown };
export type DatasetChangelog = {
  added: { id: string; label: string }[];
  changed: { id: string; label: string; fields: FieldChange[] }[];
  removed: { id: string; label: string }[];
};
export type Changelog = {
  schemaVersion: string;
  release: string;
  previous: string | null;
  /** True when the previous release's files could not be read: everything counts as added. */
  previousUnavailable: boolean;
  generatedAt: string;
  datasets: Record<DatasetName, DatasetChangelog>;
};
export type ChangeSummary = Record<DatasetName, { added: number; changed: number; removed: number }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffRecords(dataset: DatasetName, before: readonly object[], after: readonly object[]): DatasetChangelog {
  const label = recordLabel[dataset];
  const prev = new Map(before.map((r) => [String((r as { id: unknown }).id), r as Record<string, unknown>]));
  const next = new Map(after.map((r) => [String((r as { id: unknown }).id), r as Record<string, unknown>]));
  const out: DatasetChangelog = { added: [], changed: [], removed: [] };
  for (const [id, r] of next) {
    const old = prev.get(id);
    if (!old) {
      out.added.push({ id, label: label(r) });
      continue;
    }
    const names = [...new Set([...Object.keys(old), ...Object.keys(r)])];
    const fields = names.filter((n) => !same(old[n], r[n])).map((name) => ({ name, before: old[name] ?? null, after: r[name] ?? null }));
    if (fields.length) out.changed.push({ id, label: label(r), fields });
  }
  for (const [id, r] of prev) if (!next.has(id)) out.removed.push({ id, label: label(r) });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  out.added.sort(byId);
  out.changed.sort(byId);
  out.removed.sort(byId);
  return out;
}

export function buildChangelog(opts: {
  schemaVersion: string;
  release: string;
  previous: string | null;
  previousData: Partial<ReleaseDatasets> | null;
  data: ReleaseDatasets;
  generatedAt: string;
}): Changelog {
  const datasets = {} as Record<DatasetName, DatasetChangelog>;
  for (const name of DATASETS) datasets[name] = diffRecords(name, opts.previousData?.[name] ?? [], opts.data[name]);
  return {
    schemaVersion: opts.schemaVersion,
    release: opts.release,
    previous: opts.previous,
    previousUnavailable: Boolean(opts.previous && !opts.previousData),
    generatedAt: opts.generatedAt,
    datasets,
  };
}

export function summarise(c: Changelog): ChangeSummary {
  const out = {} as ChangeSummary;
  for (const name of DATASETS) {
    const d = c.datasets[name];
    out[name] = { added: d.added.length, changed: d.changed.length, removed: d.removed.length };
  }
  return out;
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v));
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The changelog as Markdown; `t` gives the headings (zh-CN catalog by default). */
export function changelogMarkdown(c: Changelog, t: (key: string, values?: Record<string, string | number>) => string): string {
  const lines = [`# ${t("opendata.changelog.title", { release: c.release })}`, ""];
  lines.push(c.previous ? t("opendata.changelog.since", { previous: c.previous }) : t("opendata.changelog.first"), "");
  if (c.previousUnavailable) lines.push(`> ${t("opendata.changelog.previousUnavailable")}`, "");
  for (const name of DATASETS) {
    const d = c.datasets[name];
    lines.push(`## ${t(`opendata.datasets.${name}`)}`, "");
    lines.push(t("opendata.changelog.counts", { added: d.added.length, changed: d.changed.length, removed: d.removed.length }), "");
    for (const r of d.added) lines.push(`- ${t("opendata.changelog.added")}: ${cell(r.label)} \`${r.id}\``);
    for (const r of d.removed) lines.push(`- ${t("opendata.changelog.removed")}: ${cell(r.label)} \`${r.id}\``);
    for (const r of d.changed) {
      lines.push(`- ${t("opendata.changelog.changed")}: ${cell(r.label)} \`${r.id}\``);
      for (const f of r.fields) lines.push(`  - \`${f.name}\`: ${cell(show(f.before))} → ${cell(show(f.after))}`);
    }
    if (d.added.length + d.removed.length + d.changed.length) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
