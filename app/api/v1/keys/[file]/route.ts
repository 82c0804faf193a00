import { preflight } from "@/lib/opendata/http";
import { getKeyPem } from "@/lib/verify/handlers";

export const dynamic = "force-dynamic";
export const GET = getKeyPem;
export const OPTIONS = preflight;
