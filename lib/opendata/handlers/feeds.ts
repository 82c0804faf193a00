import { z } from "zod";
import { getAuthority } from "@/lib/authorities/data";
import { Refusal } from "@/lib/errors";
import { resolvePublicSchoolId } from "@/lib/public/data";
import { listPublicChanges } from "../changes/data";
import { schoolHeading } from "../data";
import { atomFeed } from "../feeds/atom";
import { changeSummary, changeTitle } from "../feeds/describe";
import { apiGet, type Payload } from "../http";
import { translator } from "../messages";

/**
 * Atom feeds of public changes: all (/feeds/changes.atom), one authority's
 * (/feeds/authorities/<id>.atom) and one school's (/feeds/schools/<id or code>.atom), newest first,
 * titles and summaries in Chinese. Same data, rate limit and caching as the JSON API.
 */
export const FEED_SIZE = 50;
const TAG = "tag:jigong-registry,2026:";
const noQuery = z.object({});

/** `origin`: the route context's origin() — read through the edge, which then varies the answer on it. */
async function feed(origin: string, opts: { key: string; path: string; title: string; authorityId?: string; schoolId?: string }): Promise<Payload> {
  const t = translator("zh-CN");
  const { data } = await listPublicChanges({ authorityId: opts.authorityId, schoolId: opts.schoolId, order: "desc", limit: FEED_SIZE, offset: 0 });
  const text = atomFeed({
    id: `${TAG}feed:${opts.key}`,
    title: opts.title,
    subtitle: t("opendata.feed.subtitle"),
    updated: data[0]?.at ?? new Date(0).toISOString(),
    selfLink: `${origin}${opts.path}`,
    alternateLink: opts.schoolId ? `${origin}/schools/${opts.schoolId}` : `${origin}/data`,
    author: t("common.appNameFull"),
    entries: data.map((c) => ({
      id: `${TAG}${c.id}`,
      title: changeTitle(t, c),
      updated: c.at,
      link: `${origin}/schools/${c.school.id}`,
      summary: changeSummary(t, c),
      category: c.type,
    })),
  });
  return { kind: "text", text, contentType: "application/atom+xml; charset=utf-8" };
}

/** "<name>.atom" → name, or null. */
function stem(file: string | undefined, pattern: RegExp): string | null {
  const m = /^(.+)\.atom$/.exec(file ?? "");
  return m && pattern.test(m[1]) ? m[1] : null;
}

export const getChangesFeed = apiGet(noQuery, async ({ origin }) =>
  feed(origin(), { key: "changes", path: "/feeds/changes.atom", title: translator("zh-CN")("opendata.feed.titleAll") }),
);

export const getAuthorityFeed = apiGet(noQuery, async ({ origin, params }) => {
  const id = stem(params.file, /^[a-z]{2,20}$/);
  const authority = id ? await getAuthority(id) : null;
  if (!authority) throw new Refusal("NOT_FOUND");
  const title = translator("zh-CN")("opendata.feed.titleAuthority", { authority: authority.nameZh });
  return feed(origin(), { key: `authority:${authority.id}`, path: `/feeds/authorities/${authority.id}.atom`, title, authorityId: authority.id });
});

export const getSchoolFeed = apiGet(noQuery, async ({ origin, params }) => {
  const ref = stem(params.file, /^[A-Za-z0-9_-]{1,40}$/);
  const id = ref ? await resolvePublicSchoolId(ref) : null;
  const school = id ? await schoolHeading(id) : null;
  if (!school) throw new Refusal("NOT_FOUND");
  const title = translator("zh-CN")("opendata.feed.titleSchool", { school: school.nameZh });
  return feed(origin(), { key: `school:${school.id}`, path: `/feeds/schools/${school.id}.atom`, title, schoolId: school.id });
});
