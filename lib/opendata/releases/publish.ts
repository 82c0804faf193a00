import "server-only";
import { runWrite, type WriteContext } from "@/lib/db/unit-of-work";
import { isUniqueViolation } from "@/lib/kernel/db-errors";
import { toCsv } from "../csv";
import { translator } from "../messages";
import { encodeCursor, type Position } from "../changed-since/cursor";
import { currentPosition } from "../changed-since/data";
import { buildChangelog, changelogMarkdown, summarise, type ChangeSummary } from "./changelog";
import { buildDelta } from "./delta";
import { latestRelease, loadReleaseDatasets, nextSequence, type ReleaseFile } from "./data";
import { readReleaseData, sha256 } from "./files";
import { recordRelease } from "./mutations";
import { DATASETS, FIELDS, RELEASE_SCHEMA_VERSION, columnsOf, type ReleaseDatasets } from "./records";

/**
 * Publishes a dated open-data release: every dataset as CSV and JSON (UTF-8), a changelog against
 * the previous release (JSON and Markdown) and a manifest with record counts and each file's
 * sha256. The files are stored in the database (lib/files) in the transaction that records the
 * Release row and its audit event: every app node serves the same bytes.
 *
 * Called with a write context that has no transaction of its own (`transaction: false`: the
 * publish action, the script, tests): the datasets are read and the files built outside any
 * transaction, and each numbered attempt records in one of its own — two publishers racing for
 * the same number need the loser's attempt rolled back and retried with the next.
 */
export type PublishedRelease = { slug: string; counts: Record<string, number>; files: ReleaseFile[]; changeSummary: ChangeSummary };

const enc = new TextEncoder();
const json = (v: unknown) => enc.encode(`${JSON.stringify(v, null, 2)}\n`);

function buildFiles(
  slug: string,
  previous: string | null,
  previousData: Partial<ReleaseDatasets> | null,
  data: ReleaseDatasets,
  generatedAt: Date,
  position: Position,
) {
  const files = new Map<string, Uint8Array>();
  const at = generatedAt.toISOString();
  for (const name of DATASETS) {
    const records = data[name] as unknown as Record<string, unknown>[];
    files.set(`${name}.csv`, enc.encode(toCsv(columnsOf<Record<string, unknown>>(FIELDS[name]), records)));
    files.set(`${name}.json`, json({ dataset: name, schemaVersion: RELEASE_SCHEMA_VERSION, release: slug, generatedAt: at, count: records.length, records }));
  }
  const changelog = buildChangelog({ schemaVersion: RELEASE_SCHEMA_VERSION, release: slug, previous, previousData, data, generatedAt: at });
  files.set("changelog.json", json(changelog));
  files.set("changelog.md", enc.encode(changelogMarkdown(changelog, translator("zh-CN"))));
  const deltaBytes = json(buildDelta(changelog, data));
  files.set("delta.json", deltaBytes);
  const counts = Object.fromEntries(DATASETS.map((n) => [n, data[n].length]));
  const listed: ReleaseFile[] = [...files].map(([name, bytes]) => ({ name, bytes: bytes.byteLength, sha256: sha256(bytes) }));
  const delta = { name: "delta.json", previous, sha256: sha256(deltaBytes), counts: summarise(changelog) };
  // changesCursor: poll /api/v1/schools?cursor=… from here and no change after this release is missed.
  const manifest = {
    schemaVersion: RELEASE_SCHEMA_VERSION,
    release: slug,
    previous,
    generatedAt: at,
    counts,
    delta,
    changesCursor: encodeCursor(position),
    files: listed,
  };
  const manifestBytes = json(manifest);
  files.set("manifest.json", manifestBytes);
  listed.push({ name: "manifest.json", bytes: manifestBytes.byteLength, sha256: sha256(manifestBytes) });
  return { files, listed, counts, changeSummary: summarise(changelog) };
}

export async function publishRelease(ctx: WriteContext): Promise<PublishedRelease> {
  // Taken before the data is read: every transaction below it is in the data (decision 0081).
  const position = await currentPosition();
  const data = await loadReleaseDatasets();
  const prev = await latestRelease();
  const previousData = prev ? await readReleaseData(prev.slug) : null;
  const releaseDate = ctx.today;
  let sequence = await nextSequence(releaseDate);
  for (let tries = 0; ; tries++) {
    const slug = `${releaseDate}-${sequence}`;
    const built = buildFiles(slug, prev?.slug ?? null, previousData, data, ctx.now, position);
    const release = {
      slug,
      releaseDate,
      sequence,
      schemaVersion: RELEASE_SCHEMA_VERSION,
      generatedAt: ctx.now,
      counts: built.counts,
      files: built.listed,
      changeSummary: built.changeSummary,
    };
    try {
      await runWrite(ctx.base, (t) => recordRelease(t, release, built.files), { timeout: 120_000 });
      return { slug, counts: built.counts, files: built.listed, changeSummary: built.changeSummary };
    } catch (e) {
      const conflict = isUniqueViolation(e);
      if (!conflict || tries >= 4) throw e;
      sequence += 1;
    }
  }
}
