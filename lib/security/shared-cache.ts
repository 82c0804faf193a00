/**
 * Which page answers a shared cache in front of the app may keep (nginx's micro-cache, decision
 * 0091): the public pages, asked with GET/HEAD by a visitor who sent nothing personal — no cookie
 * at all (a session, the read-your-own-writes marker, the language), no Authorization, no API key —
 * and not a client-side navigation (Next's RSC requests answer a different body at the same URL).
 * proxy.ts marks such an answer with SHARED_CACHE_HEADER; nginx stores only marked answers, so a
 * page added later is private until it is named here.
 */
export const SHARED_CACHE_HEADER = "x-registry-shared-cache";

/** Pages that are the same for every anonymous visitor (no form that posts, no per-visitor state). */
const SHAREABLE_PAGES = /^\/(?:schools(?:\/[^/]+)?|verify(?:\/[^/]+)?|progress|data(?:\/dictionary)?)?$/;

const PERSONAL = ["cookie", "authorization", "x-api-key"];
const CLIENT_NAVIGATION = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];

export function mayShareAnswer(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!SHAREABLE_PAGES.test(pathname)) return false;
  return ![...PERSONAL, ...CLIENT_NAVIGATION].some((name) => headers.has(name));
}
