import { getSchool } from "@/lib/opendata/handlers/school";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getSchool;
export const OPTIONS = preflight;
