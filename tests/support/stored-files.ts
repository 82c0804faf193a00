import { readFileBytes } from "@/lib/files/data";
import { releaseFileRef } from "@/lib/opendata/releases/data";

/** A release file's bytes as the database holds them (lib/files); throws when the release has no such file. */
export async function releaseBytes(slug: string, name: string): Promise<Buffer> {
  const ref = await releaseFileRef(slug, name);
  const bytes = ref ? await readFileBytes(ref.fileId) : null;
  if (!bytes) throw new Error(`release ${slug} has no file ${name}`);
  return Buffer.from(bytes);
}

export const releaseText = async (slug: string, name: string) => (await releaseBytes(slug, name)).toString("utf8");
export const releaseJson = async (slug: string, name: string) => JSON.parse(await releaseText(slug, name));
