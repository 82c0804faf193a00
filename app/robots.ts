import type { MetadataRoute } from "next";
import { robotsFor } from "@/lib/linked-data/robots";
import { publicRequest } from "@/lib/request/context";

export const dynamic = "force-dynamic";

/** /robots.txt, pointing at the sitemap by the public origin of this request. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return robotsFor((await publicRequest()).publicOrigin);
}
