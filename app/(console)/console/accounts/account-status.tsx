import { getTranslations } from "next-intl/server";

/** Disabled / locked / password change due / active, as small badges. */
export async function AccountStatus({ user, now }: { user: { disabled: boolean; lockedUntil: Date | null; mustChangePassword: boolean }; now: Date }) {
  const t = await getTranslations("accounts.status");
  const badges: { key: string; tone: string }[] = [];
  if (user.disabled) badges.push({ key: "disabled", tone: "bg-slate-200 text-slate-800" });
  if (user.lockedUntil && user.lockedUntil > now) badges.push({ key: "locked", tone: "bg-red-100 text-red-900" });
  if (user.mustChangePassword) badges.push({ key: "mustChange", tone: "bg-amber-100 text-amber-900" });
  if (!badges.length) badges.push({ key: "active", tone: "bg-green-100 text-green-900" });
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((badge) => (
        <span key={badge.key} className={`rounded px-2 py-0.5 text-xs ${badge.tone}`}>
          {t(badge.key)}
        </span>
      ))}
    </span>
  );
}
