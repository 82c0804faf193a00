import { getProgress } from "@/lib/opendata/handlers/progress";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getProgress;
export const OPTIONS = preflight;
