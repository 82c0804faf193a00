import type { getFormatter } from "next-intl/server";
import type { Description } from "@/components/description-list";

type Format = Awaited<ReturnType<typeof getFormatter>>;
type Translate = (key: string, values?: Record<string, string | number>) => string;
type Batch = { windowOpensAt: Date; windowClosesAt: Date; eligibleTiers: readonly string[]; eligibleStatuses: readonly string[] };

/** The application window and who may apply, as the batch overview and the authority's batch page show them. */
export function batchFacts(batch: Batch, { t, tEnums, format }: { t: Translate; tEnums: Translate; format: Format }, windowState?: string): Description[] {
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return [
    {
      key: "window",
      term: t("batch.window"),
      detail: `${when(batch.windowOpensAt)} – ${when(batch.windowClosesAt)}${windowState ? `（${windowState}）` : ""}`,
    },
    {
      key: "eligibility",
      term: t("batch.eligibility"),
      detail: `${batch.eligibleTiers.map((tier) => tEnums(`tier.${tier}`)).join("、")}；${batch.eligibleStatuses.map((status) => tEnums(`status.${status}`)).join("、")}`,
    },
  ];
}
