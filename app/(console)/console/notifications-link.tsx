import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { loadUnreadCount } from "@/lib/notifications/loaders";

/**
 * The console header's way to the notifications, with the unread count in its accessible name
 * ("通知（3 条未读）"). The layout leaves it out while a password change is pending: the gated
 * loader would send that user to the password page, the page they are already on.
 */
export async function NotificationsLink() {
  const [count, t] = await Promise.all([loadUnreadCount(), getTranslations("notifications")]);
  return (
    <Link href="/console/notifications" data-testid="notifications-link" className="rounded px-2 py-1 underline-offset-2 hover:underline">
      {count ? t("headerLinkUnread", { count }) : t("headerLink")}
    </Link>
  );
}
