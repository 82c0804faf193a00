import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import type { ReleaseDatasets } from "./records";

/**
 * Where releases live on disk (DATA_DIR/releases/<slug>/) and the safe way to reach a file there:
 * names are checked against fixed patterns and the resolved path must stay inside the folder.
 */
export const SLUG_PATTERN = /^\d{4}-\d{2}-\d{2}-\d{1,3}$/;
export const FILE_PATTERN = /^[a-z][a-z-]{0,30}\.(csv|json|md)$/;

export function releasesRoot(): string {
  // An in-memory database has no folder: its releases go to the system's temporary directory.
  const base = env().DATA_DIR.startsWith("memory://") ? path.join(os.tmpdir(), "jigong-registry") : env().DATA_DIR;
  return path.resolve(base, "releases");
}

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The absolute path of a release file, or null when the names are not acceptable. */
export function releaseFilePath(root: string, slug: string, file: string): string | null {
  if (!SLUG_PATTERN.test(slug) || !FILE_PATTERN.test(file)) return null;
  const base = path.resolve(root);
  const p = path.resolve(base, slug, file);
  const rel = path.relative(base, p);
  if (rel.startsWith("..") || path.isAbsolute(rel) || rel.split(path.sep).length !== 2) return null;
  return p;
}

/** Writes the files into a fresh staging folder next to the releases; returns its path. */
export function stageFiles(root: string, files: Map<string, Uint8Array>): string {
  fs.mkdirSync(root, { recursive: true });
  const dir = path.join(root, `.staging-${Date.now()}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir);
  for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}

/** Moves a staged folder into place; fails (without overwriting) when the release folder exists. */
export function commitStaged(root: string, staged: string, slug: string) {
  const target = path.join(root, slug);
  if (fs.existsSync(target)) throw new Error(`Release folder already exists: ${target}`);
  fs.renameSync(staged, target);
}

export function discardStaged(staged: string) {
  fs.rmSync(staged, { recursive: true, force: true });
}

/** The previous release's records (its JSON files); null when they cannot be read. */
export function readReleaseData(root: string, slug: string): Partial<ReleaseDatasets> | null {
  const out: Partial<ReleaseDatasets> = {};
  for (const name of ["schools", "school-majors", "majors", "designations"] as const) {
    const p = releaseFilePath(root, slug, `${name}.json`);
    if (!p || !fs.existsSync(p)) return null;
    try {
      const doc = JSON.parse(fs.readFileSync(p, "utf8")) as { records?: unknown };
      if (!Array.isArray(doc.records)) return null;
      (out as Record<string, unknown>)[name] = doc.records;
    } catch {
      return null;
    }
  }
  return out;
}
