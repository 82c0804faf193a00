import { getChangesFeed } from "@/lib/opendata/handlers/feeds";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getChangesFeed;
export const OPTIONS = preflight;
