// Relative imports: scripts/db.ts runs this with tsx from any working directory (no tsconfig paths there).
import { db } from "../../db/client";
import { releaseContentType } from "../../opendata/releases/content-type";
import { storeFile } from "../mutations";
import { ATTACHMENT_NAME, entries, fileSource, legacyFolders, remove, removeIfEmpty } from "./disk";

/**
 * The upgrade step of issue 14 (docs/decisions/0070), run by `npm run db:deploy` after the
 * migrations: files an older version kept under DATA_DIR are moved into the database. Each file
 * is stored (streamed from disk, its sha256 checked against the row that names it) and linked in
 * one transaction, and removed from disk only after that commits; a run that stops half way is
 * finished by the next (a file whose row already has its stored copy is then removed), and a run
 * with nothing left to do reads two folder listings. Files no row of this database names (a failed
 * upload's leftovers, or another database's files in a shared DATA_DIR) and files whose bytes do
 * not match their row are never removed: they are left in place and reported.
 */
export type DiskImport = { attachments: number; releases: number; removed: number; leftovers: string[]; damaged: string[] };

export async function importDiskFiles(dataDir: string): Promise<DiskImport> {
  const out: DiskImport = { attachments: 0, releases: 0, removed: 0, leftovers: [], damaged: [] };
  if (dataDir.startsWith("memory://")) return out;
  const folders = legacyFolders(dataDir);
  await importAttachments(folders.attachments, out);
  await importReleases(folders.releases, out);
  removeIfEmpty(folders.attachments);
  removeIfEmpty(folders.releases);
  return out;
}

async function importAttachments(dir: string, out: DiskImport) {
  for (const file of entries(dir, "file")) {
    const sha256 = ATTACHMENT_NAME.exec(file.name)?.[1];
    const waiting = sha256 ? await db().selectionAttachment.count({ where: { sha256, fileId: null } }) : 0;
    if (!waiting) {
      const moved = sha256 ? await db().selectionAttachment.count({ where: { sha256, file: { sha256 } } }) : 0;
      if (moved) {
        remove(file.path);
        out.removed++;
      } else out.leftovers.push(file.path);
      continue;
    }
    const stored = await db()
      .$transaction(
        async (tx) => {
          const f = await storeFile(tx, fileSource(file.path), "application/pdf");
          if (f.sha256 !== sha256) throw new Damaged();
          await tx.selectionAttachment.updateMany({ where: { sha256, fileId: null }, data: { fileId: f.id } });
          return f;
        },
        { timeout: 120_000 },
      )
      .catch(keepDamaged(out, file.path));
    if (stored) {
      remove(file.path);
      out.attachments++;
    }
  }
}

async function importReleases(dir: string, out: DiskImport) {
  for (const folder of entries(dir, "dir")) {
    const release = await db().openDataRelease.findUnique({
      where: { slug: folder.name },
      select: { id: true, files: true, _count: { select: { stored: true } } },
    });
    if (!release) out.leftovers.push(folder.path);
    else if (release._count.stored > 0) {
      remove(folder.path);
      out.removed++;
    }
    if (!release || release._count.stored > 0) continue;
    const listed = release.files as { name: string; sha256: string }[];
    const done = await db()
      .$transaction(
        async (tx) => {
          for (const { name, sha256 } of listed) {
            const file = entries(folder.path, "file").find((f) => f.name === name);
            if (!file) throw new Damaged();
            const f = await storeFile(tx, fileSource(file.path), releaseContentType(name));
            if (f.sha256 !== sha256) throw new Damaged();
            await tx.openDataReleaseFile.create({ data: { releaseId: release.id, name, fileId: f.id }, select: { name: true } });
          }
          return true;
        },
        { timeout: 300_000 },
      )
      .catch(keepDamaged(out, folder.path));
    if (done) {
      remove(folder.path);
      out.releases++;
    }
  }
}

class Damaged extends Error {}

const keepDamaged = (out: DiskImport, p: string) => (e: unknown) => {
  if (!(e instanceof Damaged)) throw e;
  out.damaged.push(p);
  return null;
};
