import { preflight } from "@/lib/opendata/http";
import { getVerificationStatus } from "@/lib/verify/handlers";

export const dynamic = "force-dynamic";
export const GET = getVerificationStatus;
export const OPTIONS = preflight;
