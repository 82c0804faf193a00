import { preflight } from "@/lib/opendata/http";
import { getVerification } from "@/lib/verify/handlers";

export const dynamic = "force-dynamic";
export const GET = getVerification;
export const OPTIONS = preflight;
