import "server-only";
import { currentUser } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { publicRelease } from "./handlers/releases";
import { listReleases } from "./releases/data";

/**
 * The /data page: the releases (public), and whether the visitor may publish one (ministry
 * administrators only — the action checks again; this only decides whether to show the button).
 */
export async function loadDataPage() {
  const [user, releases] = await Promise.all([currentUser(), listReleases()]);
  return {
    releases: releases.map(publicRelease),
    canPublish: !!user && may(user, "publishReleaseAction"),
    rateLimitPerMinute: env().API_RATE_LIMIT_PER_MINUTE,
  };
}

export type DataPage = Awaited<ReturnType<typeof loadDataPage>>;
export type PublicReleaseView = DataPage["releases"][number];
