import { z } from "zod";
import { apiGet, preflight } from "@/lib/opendata/http";
import { openApiDocument } from "@/lib/opendata/openapi/document";

export const dynamic = "force-dynamic";
export const GET = apiGet(z.object({}), async () => ({ kind: "json", body: openApiDocument() }), "public, max-age=300");
export const OPTIONS = preflight;
