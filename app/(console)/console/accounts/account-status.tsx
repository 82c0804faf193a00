import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/badge";

/** Disabled / locked / password change due / active, as small badges. */
export async function AccountStatus({ user, now }: { user: { disabled: boolean; lockedUntil: Date | null; mustChangePassword: boolean }; now: Date }) {
  const t = await getTranslations("accounts.status");
  const badges: { key: string; tone: Tone }[] = [];
  if (user.disabled) badges.push({ key: "disabled", tone: "gray" });
  if (user.lockedUntil && user.lockedUntil > now) badges.push({ key: "locked", tone: "red" });
  if (user.mustChangePassword) badges.push({ key: "mustChange", tone: "amber" });
  if (!badges.length) badges.push({ key: "active", tone: "green" });
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((badge) => (
        <Badge key={badge.key} tone={badge.tone}>
          {t(badge.key)}
        </Badge>
      ))}
    </span>
  );
}
