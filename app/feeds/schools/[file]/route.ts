import { getSchoolFeed } from "@/lib/opendata/handlers/feeds";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getSchoolFeed;
export const OPTIONS = preflight;
