import { getDesignations } from "@/lib/opendata/handlers/lists";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getDesignations;
export const OPTIONS = preflight;
