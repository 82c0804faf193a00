import { getAuthorityFeed } from "@/lib/opendata/handlers/feeds";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getAuthorityFeed;
export const OPTIONS = preflight;
