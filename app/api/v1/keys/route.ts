import { preflight } from "@/lib/opendata/http";
import { getKeys } from "@/lib/verify/handlers";

export const dynamic = "force-dynamic";
export const GET = getKeys;
export const OPTIONS = preflight;
