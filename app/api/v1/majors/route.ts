import { getMajors } from "@/lib/opendata/handlers/lists";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getMajors;
export const OPTIONS = preflight;
