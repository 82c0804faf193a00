import "server-only";
import { requirePolicy } from "@/lib/auth/gates";
import { listAuthorities } from "@/lib/authorities/data";
import { listWebhooks } from "./data";
import { MAX_SUBSCRIPTIONS } from "./mutations";

/** /console/account/webhooks: the caller's subscriptions with their latest deliveries, and the authorities to choose from. */
export async function loadWebhooks() {
  const user = await requirePolicy("loadWebhooks");
  const [rows, authorities] = await Promise.all([listWebhooks(user.id), listAuthorities()]);
  return { rows, authorities, canCreate: rows.length < MAX_SUBSCRIPTIONS, max: MAX_SUBSCRIPTIONS };
}
