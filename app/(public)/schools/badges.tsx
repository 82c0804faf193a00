import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { ON_REGISTER } from "@/lib/schools/rules";

/** Tier and status labels as badges; colours chosen for at least 4.5:1 contrast. */
const TIER_CLASS: Record<SchoolTier, string> = {
  TECHNICIAN_COLLEGE: "bg-indigo-100 text-indigo-900",
  SENIOR_TECHNICAL_SCHOOL: "bg-sky-100 text-sky-900",
  TECHNICAL_SCHOOL: "bg-slate-200 text-slate-900",
};

export function TierBadge({ tier, label }: { tier: SchoolTier; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${TIER_CLASS[tier]}`}>{label}</span>;
}

export function StatusBadge({ status, label }: { status: SchoolStatus; label: string }) {
  const variantClass =
    status === "OPERATING" ? "bg-emerald-100 text-emerald-900" : ON_REGISTER.includes(status) ? "bg-amber-100 text-amber-900" : "bg-rose-100 text-rose-900";
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${variantClass}`}>{label}</span>;
}
