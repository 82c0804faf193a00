import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { requireSignedIn } from "@/lib/auth/gates";
import { signOutAction } from "@/lib/auth/actions";
import { navFor } from "@/lib/console/nav";
import { NotificationsLink } from "./notifications-link";

export const dynamic = "force-dynamic";

// The layout only draws the shell; each page under it runs its own gate. It lets a user whose
// password change is due through (requireSignedIn), so that the password page can render; every
// other page's gate sends them there.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const t = await getTranslations();
  // The browser gets the root layout's few namespaces here; the areas with forms (schools/[id],
  // schools/new, selection, imports, accounts, account, security-policy) send the whole catalog
  // from their own layouts (lib/i18n/client-messages.ts).
  return (
    <>
      <SiteHeader
        right={
          <div className="flex items-center gap-3 text-sm">
            {user.mustChangePassword ? null : <NotificationsLink />}
            <span data-testid="signed-in-as">{t("auth.signedInAs", { name: user.displayName, role: t(`enums.role.${user.role}`) })}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">
                {t("auth.signOut")}
              </button>
            </form>
          </div>
        }
      />
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <nav aria-label={t("nav.consoleNav")} className="no-print md:w-48 md:shrink-0">
          <ul className="flex flex-wrap gap-2 md:flex-col">
            {(user.mustChangePassword ? [] : navFor(user)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded px-3 py-2 text-sm hover:bg-slate-200">
                  {t(item.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </>
  );
}
