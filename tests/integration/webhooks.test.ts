import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { createWebhookAction, deleteWebhookAction, pingWebhookAction, setWebhookEnabledAction } from "@/lib/webhooks/actions";
import { deliverDue, runWebhookPass } from "@/lib/webhooks/worker";
import { verifySignature } from "@/lib/webhooks/signature";
import { makeUser, type MadeUser } from "../factories";
import { formData } from "../support/form";
import { editSchool, seedOpenData } from "../support/opendata-fixtures";
import { signInAs } from "../support/session";
import { fileTestDb } from "../support/test-db";

/**
 * Webhooks end to end against a receiver this test starts on loopback (docs/decisions/0083):
 * each change delivered once, a failure retried with the same delivery id, a day of failures
 * disables the subscription, two workers never send one delivery twice.
 */
process.env.WEBHOOK_ALLOW_HTTP_LOOPBACK = "1";

const t = fileTestDb(seedOpenData);
type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let statuses: number[] = [];
let server: Server;
let endpoint = "";
const u: Record<"dev" | "other", MadeUser> = {} as never;
const as = (m: MadeUser): SessionUser => ({ id: m.id, username: m.username, displayName: m.username, role: m.role, authorityId: m.authorityId });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  u.dev = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "hook-dev" });
  u.other = await makeUser(t.client, "AUDITOR", null, { username: "hook-other" });
});
afterAll(async () => new Promise<void>((r) => server.close(() => r())));
afterEach(async () => {
  signInAs(null);
  received.length = 0;
  statuses = [];
  await t.client.webhookSubscription.deleteMany();
});

async function subscribe(fields: Record<string, string>, by = u.dev) {
  signInAs(as(by));
  const r = await createWebhookAction(formData({ url: endpoint, ...fields }));
  if (!r.ok) throw new Error(`create refused: ${r.code} ${JSON.stringify(r.detail)}`);
  return r.data;
}
const later = (ms: number) => () => new Date(Date.now() + ms);
const HOUR = 3_600_000;

describe("webhooks", () => {
  it("delivers each matching change once, signed, with its delivery id", async () => {
    const sub = await subscribe({ target: "AUTHORITY", authorityId: "guangdong" });
    await editSchool(t.client, "s-sz", { website: "https://a.example.cn" });
    await editSchool(t.client, "s-gz", { website: "https://b.example.cn" });
    await editSchool(t.client, "s-hz", { website: "https://c.example.cn" }); // zhejiang: not followed
    expect(await runWebhookPass()).toEqual({ queued: 2, sent: 2 });
    expect(await runWebhookPass()).toEqual({ queued: 0, sent: 0 });
    expect(received).toHaveLength(2);
    const ids = new Set<string>();
    for (const r of received) {
      const body = JSON.parse(r.body) as { id: string; subscription: string; event: { type: string; school: { id: string } } };
      expect(verifySignature(sub.secret, String(r.headers["x-registry-signature"]), r.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(r.headers["x-registry-delivery"]).toBe(body.id);
      expect(body.subscription).toBe(sub.id);
      expect(body.event.type).toBe("school.update");
      expect(["s-sz", "s-gz"]).toContain(body.event.school.id);
      ids.add(body.id);
    }
    expect(ids.size).toBe(2);
    const rows = await t.client.webhookDelivery.findMany({ where: { subscriptionId: sub.id } });
    expect(rows.every((d) => d.deliveredAt && d.attempts === 1 && d.lastStatusCode === 200)).toBe(true);
  });

  it("follows one school, or designations of one kind only", async () => {
    await subscribe({ target: "SCHOOL", schoolCode: "GZGM235Y" });
    await subscribe({ target: "DESIGNATION_KIND", designationKind: "QUALITY_SCHOOL" });
    await editSchool(t.client, "s-sz", { website: "https://d.example.cn" });
    await editSchool(t.client, "s-gz", { website: "https://e.example.cn" });
    for (const [id, status] of [
      ["d1", "ACCEPTED"],
      ["d2", "REVOKED"],
    ])
      await t.client.auditEvent.create({
        data: { actorLabel: "test", action: "designation.update", entityType: "Designation", entityId: id, before: { status: "ACTIVE" }, after: { status } },
      });
    await runWebhookPass();
    const events = received.map((r) => (JSON.parse(r.body) as { event: { entityType: string; entityId: string } }).event);
    expect(events.map((e) => `${e.entityType}:${e.entityId}`).sort()).toEqual(["Designation:d1", "School:s-gz"]);
  });

  it("retries a failed delivery later with the same delivery id and body", async () => {
    await subscribe({ target: "SCHOOL", schoolCode: "SZJS234V" });
    statuses = [500];
    await editSchool(t.client, "s-sz", { website: "https://f.example.cn" });
    await runWebhookPass();
    expect(received).toHaveLength(1);
    expect(await deliverDue()).toBe(0); // not due yet: back-off
    await runWebhookPass(later(2 * 60_000));
    expect(received).toHaveLength(2);
    expect(received[1].headers["x-registry-delivery"]).toBe(received[0].headers["x-registry-delivery"]);
    expect(JSON.parse(received[1].body)).toEqual(JSON.parse(received[0].body));
    const [row] = await t.client.webhookDelivery.findMany();
    expect(row).toMatchObject({ attempts: 2, lastStatusCode: 200 });
    expect(row.deliveredAt).not.toBeNull();
  });

  it("gives up after a day of failures and disables the subscription, which then sends nothing", async () => {
    const sub = await subscribe({ target: "SCHOOL", schoolCode: "SZJS234V" });
    statuses = Array<number>(50).fill(503);
    await editSchool(t.client, "s-sz", { website: "https://g.example.cn" });
    await runWebhookPass();
    // Each retry when it falls due, as a worker polling all day would send it.
    for (let i = 0; i < 20; i++) {
      const { nextAttemptAt } = await t.client.webhookDelivery.findFirstOrThrow();
      if (!nextAttemptAt) break;
      await deliverDue(() => nextAttemptAt);
    }
    expect(received).toHaveLength(12);
    const row = await t.client.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "FAILING" });
    const [delivery] = await t.client.webhookDelivery.findMany();
    expect(delivery).toMatchObject({ attempts: 12, lastStatusCode: 503 });
    expect(delivery.gaveUpAt).not.toBeNull();
    signInAs(as(u.dev));
    await pingWebhookAction(formData({ id: sub.id }));
    expect(await deliverDue(later(27 * HOUR))).toBe(0);
    expect((await setWebhookEnabledAction({ id: sub.id, enabled: true })).ok).toBe(true);
    expect(await deliverDue(later(27 * HOUR))).toBe(1);
  });

  it("never lets two workers send one delivery twice", async () => {
    const sub = await subscribe({ target: "SCHOOL", schoolCode: "SZJS234V" });
    await t.client.webhookDelivery.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({ subscriptionId: sub.id, eventId: `ping:${i}`, payload: { type: "ping" }, nextAttemptAt: new Date() })),
    });
    const [a, b] = await Promise.all([deliverDue(), deliverDue()]);
    expect(a + b).toBe(40);
    const ids = received.map((r) => String(r.headers["x-registry-delivery"]));
    expect(new Set(ids).size).toBe(40);
    expect(ids).toHaveLength(40);
  });

  it("refuses private and non-https endpoints, and other accounts' subscriptions", async () => {
    signInAs(as(u.dev));
    for (const [url, reason] of [
      ["http://10.0.0.1/hook", "URL_PRIVATE_ADDRESS"],
      ["https://[::ffff:192.168.0.1]/hook", "URL_PRIVATE_ADDRESS"],
      ["http://hooks.example.com/", "URL_NOT_HTTPS"],
    ]) {
      const r = await createWebhookAction(formData({ target: "AUTHORITY", authorityId: "guangdong", url }));
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", detail: { reason } });
    }
    const sub = await subscribe({ target: "AUTHORITY", authorityId: "guangdong" });
    signInAs(as(u.other));
    expect(await deleteWebhookAction(formData({ id: sub.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await pingWebhookAction(formData({ id: sub.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(as(u.dev));
    expect((await deleteWebhookAction(formData({ id: sub.id }))).ok).toBe(true);
    expect(await t.client.webhookSubscription.count()).toBe(0);
    const audit = await t.client.auditEvent.findMany({ where: { entityType: "WebhookSubscription" }, select: { before: true, after: true } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain("whsec_");
  });
});
