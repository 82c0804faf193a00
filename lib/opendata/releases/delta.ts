import type { Changelog } from "./changelog";
import { DATASETS, type DatasetName, type ReleaseDatasets } from "./records";

/**
 * delta.json: what a holder of the previous release applies to reach this one — the added and
 * changed records whole (as in this release's files), the removed ones by id. Derived from the
 * changelog (pure), so the two cannot disagree.
 */
export type DatasetDelta = { added: Record<string, unknown>[]; changed: Record<string, unknown>[]; removed: string[] };
export type Delta = {
  schemaVersion: string;
  release: string;
  previous: string | null;
  /** As in the changelog: the previous files could not be read, so everything counts as added. */
  previousUnavailable: boolean;
  generatedAt: string;
  datasets: Record<DatasetName, DatasetDelta>;
};

export function buildDelta(changelog: Changelog, data: ReleaseDatasets): Delta {
  const datasets = {} as Record<DatasetName, DatasetDelta>;
  for (const name of DATASETS) {
    const byId = new Map((data[name] as unknown as Record<string, unknown>[]).map((r) => [String(r.id), r]));
    const c = changelog.datasets[name];
    datasets[name] = {
      added: c.added.map((r) => byId.get(r.id)!),
      changed: c.changed.map((r) => byId.get(r.id)!),
      removed: c.removed.map((r) => r.id),
    };
  }
  const { schemaVersion, release, previous, previousUnavailable, generatedAt } = changelog;
  return { schemaVersion, release, previous, previousUnavailable, generatedAt, datasets };
}

/** Applies a delta to the previous release's records: the property the release test checks. */
export function applyDelta(previous: Partial<ReleaseDatasets>, delta: Delta): Record<DatasetName, Record<string, unknown>[]> {
  const out = {} as Record<DatasetName, Record<string, unknown>[]>;
  for (const name of DATASETS) {
    const rows = new Map((previous[name] ?? []).map((r) => [String((r as { id: unknown }).id), r as unknown as Record<string, unknown>]));
    const d = delta.datasets[name];
    for (const id of d.removed) rows.delete(id);
    for (const r of [...d.added, ...d.changed]) rows.set(String(r.id), r);
    out[name] = [...rows.values()];
  }
  return out;
}
