import { z } from "zod";
import { loadProgress } from "@/lib/progress/loaders";
import { apiGet } from "../http";

/**
 * GET /api/v1/progress — announced and in-process counts toward the programme targets (300
 * quality schools, 500 quality majors), overall, per authority, per tier and per batch. Through
 * the edge like every /api/v1 route (rate limit, ETag/304, CORS, the shared 400/503 bodies); takes
 * no query parameters, so a typo is a 400 rather than silently ignored.
 */
export const PROGRESS_CACHE = "public, max-age=60, stale-while-revalidate=60";

export const getProgress = apiGet(
  z.object({}),
  async () => {
    // The cached summary (lib/db/read-cache.ts: the same object until the data version changes)
    // is the memo, so its JSON and ETag are made once per data version.
    const p = await loadProgress();
    const body = {
      asOf: p.asOf,
      schools: p.schools,
      majors: p.majors,
      byAuthority: p.byAuthority.map(({ authorityId, gbCode, nameZh, nameEn, schools, majors }) => ({ authorityId, gbCode, nameZh, nameEn, schools, majors })),
      byTier: p.byTier,
      byBatch: p.byBatch,
    };
    return { kind: "json", body, memo: p };
  },
  PROGRESS_CACHE,
);
