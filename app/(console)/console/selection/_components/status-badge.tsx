import { getTranslations } from "next-intl/server";

const tone: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  APPLYING: "bg-blue-100 text-blue-800",
  REVIEWING: "bg-amber-100 text-amber-900",
  DECIDING: "bg-amber-100 text-amber-900",
  NOTICE: "bg-purple-100 text-purple-900",
  ANNOUNCED: "bg-green-100 text-green-800",
  CANCELLED: "bg-slate-200 text-slate-600",
  SUBMITTED: "bg-blue-100 text-blue-800",
  RECOMMENDED: "bg-indigo-100 text-indigo-800",
  SELECTED: "bg-green-100 text-green-800",
  DESIGNATED: "bg-green-200 text-green-900",
  NOT_SELECTED: "bg-slate-200 text-slate-700",
  NOT_RECOMMENDED: "bg-slate-200 text-slate-700",
  REMOVED: "bg-red-100 text-red-800",
  WITHDRAWN: "bg-slate-200 text-slate-600",
  ASSIGNED: "bg-amber-100 text-amber-900",
  OPEN: "bg-amber-100 text-amber-900",
  UPHELD: "bg-red-100 text-red-800",
  DISMISSED: "bg-slate-200 text-slate-700",
};

/** A state shown as text with a colour (the text carries the meaning, not the colour). */
export async function StatusBadge({ entity, status }: { entity: "batch" | "application" | "assignment" | "objection"; status: string }) {
  const t = await getTranslations("selection.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone[status] ?? "bg-slate-100"}`}>{t(`${entity}.${status}`)}</span>;
}
