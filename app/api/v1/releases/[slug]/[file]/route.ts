import { getReleaseFile } from "@/lib/opendata/handlers/releases";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getReleaseFile;
export const OPTIONS = preflight;
