import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { env } from "@/lib/env";
import { refuse, refuseFields } from "@/lib/errors";
import { endpointProblem, hostOf, resolveEndpoint } from "./endpoint";
import type { CreateWebhookInput } from "./schema";
import { newWebhookSecret } from "./signature";

/**
 * Webhook subscriptions of the caller's own account (docs/decisions/0083): create (the secret is
 * returned once), switch off and on, delete, queue a test ping. Each is audited without the secret.
 * Another account's subscription is NOT_FOUND (its existence is not told).
 */
export const MAX_SUBSCRIPTIONS = 10;

const allowLoopback = () => env().WEBHOOK_ALLOW_HTTP_LOOPBACK === "1";

async function checkUrl(url: string): Promise<void> {
  const problem =
    endpointProblem(url, allowLoopback()) ?? (await resolveEndpoint(hostOf(new URL(url)), allowLoopback()).then((r) => (typeof r === "string" ? r : null)));
  if (problem) refuseFields({ url: [{ key: "invalid" }] }, "VALIDATION", { reason: problem });
}

/** The stored target value: the authority's or school's id (the school named by its public code), or the kind. */
async function targetValue(ctx: WriteContext, input: CreateWebhookInput): Promise<string> {
  if (input.target === "DESIGNATION_KIND") return input.designationKind!;
  if (input.target === "AUTHORITY") {
    const authority = await ctx.tx.authority.findUnique({ where: { id: input.authorityId! }, select: { id: true } });
    if (!authority) refuseFields({ authorityId: [{ key: "invalid" }] });
    return authority.id;
  }
  const school = await ctx.tx.school.findFirst({ where: { publicCode: input.schoolCode! }, select: { id: true } });
  if (!school) refuseFields({ schoolCode: [{ key: "invalid" }] }, "VALIDATION", { reason: "SCHOOL_UNKNOWN" });
  return school.id;
}

export async function createWebhook(ctx: WriteContext, input: CreateWebhookInput) {
  const ownerId = ctx.actor.id;
  if (!ownerId) refuse("UNAUTHENTICATED");
  await checkUrl(input.url);
  const value = await targetValue(ctx, input);
  await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${ownerId}`}))`;
  if ((await ctx.tx.webhookSubscription.count({ where: { ownerId } })) >= MAX_SUBSCRIPTIONS) {
    refuse("FORBIDDEN", { reason: "WEBHOOK_LIMIT", max: MAX_SUBSCRIPTIONS });
  }
  const secret = newWebhookSecret();
  const row = await ctx.tx.webhookSubscription.create({
    data: { ownerId, target: input.target, targetValue: value, url: input.url, secret, createdAt: ctx.now, cursorAt: ctx.now },
    select: { id: true, url: true },
  });
  await ctx.audit({
    action: "webhook.create",
    entityType: "WebhookSubscription",
    entityId: row.id,
    authorityId: ctx.actor.authorityId,
    after: { target: input.target, targetValue: value, url: row.url },
  });
  return { id: row.id, url: row.url, secret };
}

async function own(ctx: WriteContext, id: string) {
  const row = await ctx.tx.webhookSubscription.findUnique({ where: { id }, select: { id: true, ownerId: true, url: true, enabled: true } });
  if (!row || row.ownerId !== ctx.actor.id) refuse("NOT_FOUND");
  return row;
}

export async function setWebhookEnabled(ctx: WriteContext, input: { id: string; enabled: boolean }) {
  const row = await own(ctx, input.id);
  if (row.enabled === input.enabled) return { id: row.id, enabled: row.enabled };
  const data = input.enabled ? { enabled: true, disabledAt: null, disabledReason: null } : { enabled: false, disabledAt: ctx.now, disabledReason: "OWNER" };
  await ctx.tx.webhookSubscription.update({ where: { id: row.id }, data, select: { id: true } });
  await ctx.audit({
    action: input.enabled ? "webhook.enable" : "webhook.disable",
    entityType: "WebhookSubscription",
    entityId: row.id,
    authorityId: ctx.actor.authorityId,
    before: { enabled: row.enabled },
    after: { enabled: input.enabled },
  });
  return { id: row.id, enabled: input.enabled };
}

/** Deletes a subscription and its delivery log (cascade). */
export async function deleteWebhook(ctx: WriteContext, input: { id: string }) {
  const row = await own(ctx, input.id);
  await ctx.tx.webhookSubscription.delete({ where: { id: row.id }, select: { id: true } });
  await ctx.audit({
    action: "webhook.delete",
    entityType: "WebhookSubscription",
    entityId: row.id,
    authorityId: ctx.actor.authorityId,
    before: { url: row.url },
  });
  return { id: row.id };
}

/** Queues a "ping" for the worker; it is signed and logged like any delivery. */
export async function pingWebhook(ctx: WriteContext, input: { id: string }) {
  const row = await own(ctx, input.id);
  const eventId = `ping:${ctx.now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const payload = { id: eventId, type: "ping", at: ctx.now.toISOString() };
  const delivery = await ctx.tx.webhookDelivery.create({
    data: { subscriptionId: row.id, eventId, payload, createdAt: ctx.now, nextAttemptAt: ctx.now },
    select: { id: true },
  });
  return { id: row.id, deliveryId: delivery.id };
}
