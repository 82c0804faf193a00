import { sitemapHandlers } from "@/lib/linked-data/sitemap";

export const dynamic = "force-dynamic";
export const GET = sitemapHandlers().file;
