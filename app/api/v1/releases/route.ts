import { getReleases } from "@/lib/opendata/handlers/releases";
import { preflight } from "@/lib/opendata/http";

export const dynamic = "force-dynamic";
export const GET = getReleases;
export const OPTIONS = preflight;
