import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestAccountCreation } from "@/lib/accounts/requests/mutations";
import { systemScope } from "@/lib/auth/scope";
import { runWrite } from "@/lib/db/unit-of-work";
import { fileErrorReport } from "@/lib/error-reports/mutations";
import { mailNotifications, mailSettled } from "@/lib/mail/outbox";
import { PUBLIC_ACTOR, actorOf } from "@/lib/request/actor";
import { testUsers } from "../support/session";
import { deadPort, startSmtpSink } from "../support/smtp-sink";
import { openTestDb, type TestDb } from "../support/test-db";
import { S, seedSelectionFixtures } from "./selection-fixtures";

/** The environment as the app reads it, with this test's SMTP settings on top (lib/env.ts caches otherwise). */
const mailEnv = vi.hoisted(() => ({ overrides: {} as Record<string, string | undefined> }));
vi.mock("@/lib/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env")>();
  return { ...real, env: () => real.parseEnv({ ...process.env, ...mailEnv.overrides }) };
});

/**
 * Notification e-mail (docs/decisions/0067) against a real SMTP server on loopback: a committed
 * write's notifications are mailed to holders with an address, once, after the commit, with the
 * in-app sentence and a link on PUBLIC_URL; a rolled-back write mails nothing; without SMTP_URL
 * nothing is mailed; a server that is down or slow neither fails nor holds up the write.
 */
const ORIGIN = "https://registry.example.gov.cn";
const admins = {
  requester: { id: "u-sys1", username: "sys1", displayName: "系统管理员一", role: "SYSTEM_ADMIN", authorityId: null, personId: "P-1" },
  sec: { id: "u-sec", username: "sec", displayName: "安全管理员", role: "SECURITY_ADMIN", authorityId: null, personId: "P-3", email: "sec@example.com" },
  secOff: {
    id: "u-sec-off",
    username: "sec-off",
    displayName: "停用",
    role: "SECURITY_ADMIN",
    authorityId: null,
    personId: "P-4",
    email: "off@example.com",
    disabled: true,
  },
} as const;

let t: TestDb;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let address = 0;
const report = (school: string = S.gd1) =>
  runWrite({ actor: PUBLIC_ACTOR, scope: null, clientAddress: `192.0.2.${++address}` }, (ctx) =>
    fileErrorReport(ctx, { schoolId: school, field: "address", problem: "地址已变更为新校区。", proposed: "新校区路1号", contact: undefined } as never),
  );
const reportNotes = () => t.client.notification.findMany({ where: { kind: "reportReceived" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  await t.client.user.createMany({ data: Object.values(admins).map((u) => ({ ...u, passwordHash: "x" })) });
  await t.client.user.update({ where: { id: testUsers.gdOfficer.id }, data: { email: "gd-officer@example.com" } });
  sink = await startSmtpSink();
});
afterAll(async () => {
  await mailSettled();
  await sink?.close();
  await t.close();
});
beforeEach(async () => {
  await mailSettled();
  sink.received.length = 0;
  mailEnv.overrides = { SMTP_URL: sink.url, PUBLIC_URL: `${ORIGIN}/`, MAIL_FROM: "技工院校名录 <noreply@example.gov.cn>" };
});

describe("with SMTP_URL", () => {
  it("mails a report's officer after the commit: recipient, subject and body in Chinese then English, link on PUBLIC_URL", async () => {
    await report();
    await mailSettled();
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail.to).toEqual(["gd-officer@example.com"]);
    expect(mail.from).toBe("noreply@example.gov.cn");
    expect(mail.subject).toContain("收到对“");
    expect(mail.subject).toContain("An error report was received");
    expect(mail.subject.indexOf("收到")).toBeLessThan(mail.subject.indexOf("An error report"));
    expect(mail.text).toContain(`${ORIGIN}/console/error-reports`);
    expect(mail.text.indexOf("查看：")).toBeLessThan(mail.text.indexOf("Open:"));
    // Nothing the reporter typed, nor their address: only what the in-app notification says.
    expect(mail.text).not.toContain("新校区路");
    expect(mail.raw).not.toContain("192.0.2.");
    const [note] = await reportNotes();
    expect(note.mailedAt).not.toBeNull();
  });

  it("mails each notification once: a second attempt finds it claimed", async () => {
    const [note] = await reportNotes();
    mailNotifications([note.id]);
    await mailSettled();
    expect(sink.received).toHaveLength(0);
  });

  it("mails only enabled holders with an address, never the actor", async () => {
    const input = { username: "newaudit", displayName: "新审计管理员", role: "AUDIT_ADMIN", personId: "P-9", reason: "新设岗位" } as const;
    await runWrite({ actor: actorOf(admins.requester), scope: systemScope() }, (ctx) => requestAccountCreation(ctx, input as never));
    await mailSettled();
    expect(sink.received.map((m) => m.to)).toEqual([["sec@example.com"]]);
    expect(sink.received[0].text).toContain(`${ORIGIN}/console/accounts/requests`);
  });

  it("a rolled-back write mails nothing", async () => {
    const before = (await reportNotes()).length;
    await expect(
      runWrite({ actor: PUBLIC_ACTOR, scope: null, clientAddress: "192.0.2.200" }, async (ctx) => {
        await fileErrorReport(ctx, { schoolId: S.gd2, field: "address", problem: "地址有误。", proposed: "", contact: undefined } as never);
        throw new Error("a later step of the write failed");
      }),
    ).rejects.toThrow("a later step");
    await mailSettled();
    expect(sink.received).toHaveLength(0);
    expect(await reportNotes()).toHaveLength(before);
  });

  it("the write's answer does not wait for the mail server", async () => {
    sink.hold();
    const out = await report(S.gd2);
    expect(out.data.code).toBeTruthy();
    expect(sink.received).toHaveLength(0);
    sink.release();
    await mailSettled();
    expect(sink.received.map((m) => m.to)).toEqual([["gd-officer@example.com"]]);
  });
});

describe("without a working server", () => {
  it("without SMTP_URL: nothing is mailed, nothing fails, the notification is made", async () => {
    mailEnv.overrides = {};
    const before = (await reportNotes()).length;
    await report(S.gd3);
    await mailSettled();
    expect(sink.received).toHaveLength(0);
    const notes = await reportNotes();
    expect(notes).toHaveLength(before + 1);
    expect(notes.at(-1)?.mailedAt).toBeNull();
  });

  it("a server that is down does not fail the write; the failure is logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    mailEnv.overrides = { ...mailEnv.overrides, SMTP_URL: `smtp://127.0.0.1:${await deadPort()}` };
    const out = await report(S.gdDesignated);
    expect(out.data.code).toBeTruthy();
    await mailSettled();
    expect(sink.received).toHaveLength(0);
    expect(logged.mock.calls.some((c) => String(c[0]).includes("not sent"))).toBe(true);
    logged.mockRestore();
  });
});
