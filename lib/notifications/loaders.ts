import "server-only";
import { requirePolicy } from "@/lib/auth/gates";
import { clock } from "@/lib/kernel/dates";
import { countUnread, listNotifications, remindClosingBatches } from "./data";

/** /console/notifications: the caller's own notifications, newest first. */
export async function loadNotifications() {
  const user = await requirePolicy("loadNotifications");
  await remindClosingBatches(user, clock.now());
  const rows = await listNotifications(user.id);
  return { rows, unread: rows.filter((r) => !r.readAt).length };
}

/** The console header's unread count (every console page shows it). */
export async function loadUnreadCount() {
  const user = await requirePolicy("loadUnreadCount");
  await remindClosingBatches(user, clock.now());
  return countUnread(user.id);
}
