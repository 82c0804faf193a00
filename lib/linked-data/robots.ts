import type { MetadataRoute } from "next";

/** Crawlers may read every public page and the open data; the console and sign-in endpoints are not for them. */
export function robotsFor(origin: string): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/console", "/api/auth"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
