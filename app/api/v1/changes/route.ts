import { getChanges } from "@/lib/opendata/handlers/lists";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getChanges;
export const OPTIONS = preflight;
