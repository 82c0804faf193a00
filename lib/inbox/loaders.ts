import "server-only";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { scopeFor } from "@/lib/auth/scope";
import { clock } from "@/lib/kernel/dates";
import { loadProgress } from "@/lib/progress/loaders";
import { INBOX_PROVIDERS } from "./providers";
import { INBOX_ROWS, type InboxItem } from "./types";

/**
 * The console home's inbox: the caller's role's items (lib/inbox/providers.ts), each within the
 * caller's authority scope (an officer asking for another authority: 403, as the home does) and
 * only where the page it links to lets the caller in. The ministry's inbox opens with the progress
 * toward 300 / 500: the very figures of /progress (lib/progress, cached), never a second count.
 */
export async function loadInbox(requestedAuthority?: string) {
  const user = await requirePolicy("loadInbox");
  const scope = requestedAuthority ? requireAuthorityScope(user, requestedAuthority) : scopeFor(user);
  const context = { user, scope, now: clock.now(), take: INBOX_ROWS };
  const providers = INBOX_PROVIDERS[user.role].filter((p) => may(user, p.page));
  const items: InboxItem[] = await Promise.all(providers.map((p) => p.load(context)));
  const ministry = user.role === "MINISTRY_ADMIN" || user.role === "MINISTRY_STAFF";
  const progress = ministry ? await loadProgress() : null;
  return { items, now: context.now, progress: progress && { schools: progress.schools, majors: progress.majors, asOf: progress.asOf } };
}
