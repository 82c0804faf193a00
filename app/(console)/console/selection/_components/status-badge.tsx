import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/badge";

/** The colour of each state of a batch, an application, an assignment or an objection. */
const TONE: Record<string, Tone> = {
  DRAFT: "slate",
  APPLYING: "blue",
  REVIEWING: "amber",
  DECIDING: "amber",
  NOTICE: "purple",
  ANNOUNCED: "green",
  CANCELLED: "gray",
  SUBMITTED: "blue",
  RECOMMENDED: "indigo",
  SELECTED: "green",
  DESIGNATED: "emerald",
  NOT_SELECTED: "gray",
  NOT_RECOMMENDED: "gray",
  REMOVED: "red",
  WITHDRAWN: "gray",
  ASSIGNED: "amber",
  OPEN: "amber",
  UPHELD: "red",
  DISMISSED: "gray",
};

/** A state shown as text with a colour (the text carries the meaning, not the colour). */
export async function StatusBadge({ entity, status }: { entity: "batch" | "application" | "assignment" | "objection"; status: string }) {
  const t = await getTranslations("selection.status");
  return <Badge tone={TONE[status] ?? "slate"}>{t(`${entity}.${status}`)}</Badge>;
}
