import { Refusal } from "@/lib/errors";
import { fileStream } from "@/lib/files/data";
import { apiGet } from "../http";
import { getRelease, listReleases, releaseFileRef, type ReleaseRow } from "../releases/data";
import { releaseContentType } from "../releases/content-type";
import { FILE_PATTERN, SLUG_PATTERN } from "../releases/files";
import { releasesQuerySchema } from "../schemas/query";

/**
 * GET /api/v1/releases (the list, with download URLs) and GET /api/v1/releases/{slug}/{file}
 * (one file, streamed a chunk at a time from the database: lib/files). A file is served only when
 * the release row lists it; anything else is a 404. Its ETag is the listed sha256.
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

export const getReleaseFile = apiGet(
  releasesQuerySchema,
  async ({ params }) => {
    const slug = params.slug ?? "";
    const name = params.file ?? "";
    if (!SLUG_PATTERN.test(slug) || !FILE_PATTERN.test(name)) throw new Refusal("NOT_FOUND");
    const release = await getRelease(slug);
    const listed = release?.files.find((f) => f.name === name);
    const stored = listed ? await releaseFileRef(slug, name) : null;
    if (!listed || !stored) throw new Refusal("NOT_FOUND");
    return {
      kind: "file",
      open: () => fileStream(stored.fileId, stored.sizeBytes),
      etag: `"${listed.sha256}"`,
      bytes: listed.bytes,
      contentType: releaseContentType(name),
      headers: { "Content-Disposition": `attachment; filename="${slug}-${name}"` },
    };
  },
  "public, max-age=86400, immutable",
);
