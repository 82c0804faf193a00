import fs from "node:fs";
import { Readable } from "node:stream";
import { Refusal } from "@/lib/errors";
import { apiGet } from "../http";
import { getRelease, listReleases, type ReleaseRow } from "../releases/data";
import { FILE_PATTERN, SLUG_PATTERN, releaseFilePath, releasesRoot } from "../releases/files";
import { releasesQuerySchema } from "../schemas/query";

/**
 * GET /api/v1/releases (the list, with download URLs) and GET /api/v1/releases/{slug}/{file}
 * (one file, streamed from DATA_DIR/releases). A file is served only when the release row lists
 * it and its path stays inside the releases folder; anything else is a 404.
 */
export const fileUrl = (slug: string, name: string) => `/api/v1/releases/${slug}/${name}`;

export function publicRelease(r: ReleaseRow) {
  return {
    slug: r.slug,
    releaseDate: r.releaseDate,
    sequence: r.sequence,
    schemaVersion: r.schemaVersion,
    generatedAt: r.generatedAt,
    counts: r.counts,
    changeSummary: r.changeSummary,
    files: r.files.map((f) => ({ ...f, url: fileUrl(r.slug, f.name) })),
  };
}

export const getReleases = apiGet(releasesQuerySchema, async () => ({
  kind: "json",
  body: { data: (await listReleases()).map(publicRelease) },
}));

const CONTENT_TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export const getReleaseFile = apiGet(
  releasesQuerySchema,
  async ({ params }) => {
    const slug = params.slug ?? "";
    const name = params.file ?? "";
    if (!SLUG_PATTERN.test(slug) || !FILE_PATTERN.test(name)) throw new Refusal("NOT_FOUND");
    const release = await getRelease(slug);
    const listed = release?.files.find((f) => f.name === name);
    const file = listed ? releaseFilePath(releasesRoot(), slug, name) : null;
    if (!listed || !file || !fs.existsSync(file)) throw new Refusal("NOT_FOUND");
    return {
      kind: "file",
      open: () => Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
      etag: `"${listed.sha256}"`,
      bytes: listed.bytes,
      contentType: CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream",
      headers: { "Content-Disposition": `attachment; filename="${slug}-${name}"` },
    };
  },
  "public, max-age=86400, immutable",
);
