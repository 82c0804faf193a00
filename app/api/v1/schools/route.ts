import { getSchools } from "@/lib/opendata/handlers/lists";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getSchools;
export const OPTIONS = preflight;
