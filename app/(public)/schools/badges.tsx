import { Badge, type Tone } from "@/components/badge";
import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { ON_REGISTER } from "@/lib/schools/rules";

/** Tier and status labels as badges (the colour repeats what the text says). */
const TIER_TONE: Record<SchoolTier, Tone> = {
  TECHNICIAN_COLLEGE: "indigo",
  SENIOR_TECHNICAL_SCHOOL: "sky",
  TECHNICAL_SCHOOL: "gray",
};

export function TierBadge({ tier, label }: { tier: SchoolTier; label: string }) {
  return (
    <Badge size="sm" tone={TIER_TONE[tier]}>
      {label}
    </Badge>
  );
}

export function StatusBadge({ status, label }: { status: SchoolStatus; label: string }) {
  const tone: Tone = status === "OPERATING" ? "emerald" : ON_REGISTER.includes(status) ? "amber" : "rose";
  return (
    <Badge size="sm" tone={tone}>
      {label}
    </Badge>
  );
}
