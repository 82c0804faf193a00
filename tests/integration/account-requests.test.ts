import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccountAction, endAccountSessionsAction, resetAccountPasswordAction, setAccountDisabledAction } from "@/lib/accounts/actions";
import {
  approveAccountRequestAction,
  cancelAccountRequestAction,
  rejectAccountRequestAction,
  requestAccountChangeAction,
  requestAccountCreationAction,
} from "@/lib/accounts/requests/actions";
import { loadAccountRequests } from "@/lib/accounts/requests/loaders";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import type { SessionUser } from "@/lib/auth/roles";
import { Refusal } from "@/lib/errors";
import { clock } from "@/lib/kernel/dates";
import { makeUser, type MadeUser } from "../factories";
import { formData } from "../support/form";
import { peerHeaders } from "../support/peer";
import { signInAs } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("10.12.0.1")) }));

/**
 * Dual control of privileged accounts (issue 12, finding 1; docs/decisions/0052): the system
 * administrator requests, another PERSON approves; nobody ever holds a whole password of a
 * privileged account; every request, approval, rejection, withdrawal and expiry is audited.
 */
let t: TestDb;
const u: Record<"sys" | "sysSamePerson" | "sysOther" | "sec" | "audit" | "staff", MadeUser> = {} as never;
const as = (m: MadeUser): SessionUser => ({ id: m.id, username: m.username, displayName: m.username, role: m.role, authorityId: m.authorityId });
const hashOf = async (id: string) => (await t.client.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;
const audits = (action: string, entityId?: string) =>
  t.client.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { at: "asc" } });

async function signIn(username: string, password: string) {
  try {
    return { ok: true as const, ...(await attemptSignIn({ username, password }, new Headers(peerHeaders("10.12.9.9")))) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false as const, code: e.code };
    throw e;
  }
}

beforeAll(async () => {
  t = await openTestDb();
  u.sys = await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "dc-sys", personId: "PT-0001" });
  // The same person's second system administrator account, its person id written another way.
  u.sysSamePerson = await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "dc-sys-2", personId: "pt0001" });
  u.sysOther = await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "dc-sys-b", personId: "PT-0009" });
  u.sec = await makeUser(t.client, "SECURITY_ADMIN", null, { username: "dc-sec", personId: "PT-0002" });
  u.audit = await makeUser(t.client, "AUDIT_ADMIN", null, { username: "dc-audit", personId: "PT-0003" });
  u.staff = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "dc-staff" });
});
afterAll(() => t.close());
afterEach(() => signInAs(null));

const ask = async (by: MadeUser, target: MadeUser, kind: string, reason = "本人遗失密码，工单 42") => {
  signInAs(as(by));
  return requestAccountChangeAction(formData({ id: target.id, kind, reason }));
};
const approve = async (by: MadeUser, requestId: string) => {
  signInAs(as(by));
  return approveAccountRequestAction(formData({ requestId }));
};

describe("the reproduction: the system administrator resets the security administrator's password", () => {
  it("no usable password is shown, nothing changes until another person approves, and each half alone is useless", async () => {
    const before = await hashOf(u.sec.id);
    signInAs(as(u.sys));
    // The old way is closed: a direct reset of a privileged account is refused, pointing at the requests.
    expect(await resetAccountPasswordAction(formData({ id: u.sec.id }))).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "DUAL_CONTROL" } });

    const asked = await ask(u.sys, u.sec, "RESET_PASSWORD");
    if (!asked.ok) throw new Error(asked.code);
    const requesterHalf = asked.data.requesterHalf!;
    expect(requesterHalf).toHaveLength(10);
    // Unchanged: the security administrator still signs in with their own password; the half opens nothing.
    expect(await hashOf(u.sec.id)).toBe(before);
    expect((await signIn("dc-sec", u.sec.password)).ok).toBe(true);
    expect((await signIn("dc-sec", requesterHalf)).ok).toBe(false);

    // Not the target, not the requester, not the requester's other account (PT-0001 = pt0001).
    expect(await approve(u.sec, asked.data.requestId)).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "TARGET" } });
    expect(await approve(u.sys, asked.data.requestId)).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "REQUESTER" } });
    expect(await approve(u.sysSamePerson, asked.data.requestId)).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "REQUESTER" } });
    // Nor can the auditor or anyone else outside the approving roles.
    signInAs(as(u.audit));
    expect(await approveAccountRequestAction(formData({ requestId: asked.data.requestId }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await hashOf(u.sec.id)).toBe(before);

    // Another person (a second system administrator) approves: the other half, to them only.
    const approved = await approve(u.sysOther, asked.data.requestId);
    if (!approved.ok) throw new Error(approved.code);
    const approverHalf = approved.data.approverHalf!;
    expect(approverHalf).toHaveLength(10);
    expect(await hashOf(u.sec.id)).not.toBe(before);
    for (const attempt of [u.sec.password, requesterHalf, approverHalf, approverHalf + requesterHalf]) {
      expect((await signIn("dc-sec", attempt)).ok, attempt).toBe(false);
    }
    const both = await signIn("dc-sec", requesterHalf + approverHalf);
    expect(both.ok && both.user.mustChangePassword).toBe(true);
    // The failed attempts above are not what this test is about.
    await t.client.user.update({ where: { id: u.sec.id }, data: { failedSignIns: 0, lockedUntil: null } });

    // Audited: the request (with its reason), the approval, the reset naming the request; no half anywhere.
    const [created] = await audits("account_request.create", asked.data.requestId);
    expect(created).toMatchObject({ actorId: u.sys.id, reason: "本人遗失密码，工单 42", after: { kind: "RESET_PASSWORD", targetId: u.sec.id } });
    const [approval] = await audits("account_request.approve", asked.data.requestId);
    expect(approval).toMatchObject({ actorId: u.sysOther.id, after: { status: "APPROVED", requestedById: u.sys.id } });
    const [reset] = await audits("account.password_reset", u.sec.id);
    expect(reset).toMatchObject({ actorId: u.sysOther.id, after: { requestId: asked.data.requestId } });
    // Every column as text (xid is a bigint, which JSON.stringify refuses).
    const everything = JSON.stringify(await t.client.auditEvent.findMany(), (_, v) => (typeof v === "bigint" ? String(v) : v));
    expect(everything).not.toContain(requesterHalf);
    expect(everything).not.toContain(approverHalf);
    expect((await t.client.accountRequest.findUniqueOrThrow({ where: { id: asked.data.requestId } })).halfHash).toBeNull();
    const stored = JSON.stringify(await t.client.accountRequest.findMany());
    expect(stored).not.toContain(requesterHalf);
    expect(stored).not.toContain(approverHalf);
  });
});

describe("creating a privileged account", () => {
  it("an auditor is asked for, approved by the security administrator, and signs in only with both halves", async () => {
    signInAs(as(u.sys));
    // The direct creation (which showed the whole password to one person) refuses privileged roles.
    const direct = await createAccountAction(null, formData({ username: "dc-auditor", displayName: "审计员", role: "AUDITOR", personId: "PT-0100" }));
    expect(direct).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "DUAL_CONTROL" } });
    const asked = await requestAccountCreationAction(
      null,
      formData({ username: "dc-auditor", displayName: "审计员", role: "AUDITOR", personId: "pt 0100", reason: "新聘审计员" }),
    );
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(await t.client.user.count({ where: { username: "dc-auditor" } })).toBe(0);
    // The same username cannot be asked for twice while the first request waits.
    const again = await requestAccountCreationAction(
      null,
      formData({ username: "dc-auditor", displayName: "X", role: "AUDITOR", personId: "PT-0101", reason: "重复" }),
    );
    expect(again).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { username: [{ key: "usernameTaken" }] } });

    const approved = await approve(u.sec, asked.data.requestId);
    if (!approved.ok) throw new Error(approved.code);
    const row = await t.client.user.findUniqueOrThrow({ where: { username: "dc-auditor" } });
    expect(row).toMatchObject({ role: "AUDITOR", personId: "PT0100", mustChangePassword: true, createdById: u.sec.id });
    expect((await signIn("dc-auditor", asked.data.requesterHalf!)).ok).toBe(false);
    const both = await signIn("dc-auditor", asked.data.requesterHalf! + approved.data.approverHalf!);
    expect(both.ok && both.user.mustChangePassword).toBe(true);
    expect((await t.client.accountRequest.findUniqueOrThrow({ where: { id: asked.data.requestId } })).targetId).toBe(row.id);
    expect((await audits("account.create", row.id))[0]).toMatchObject({ actorId: u.sec.id, after: { role: "AUDITOR", requestId: asked.data.requestId } });
  });

  it("a ministry administrator too; not for the requester's own person; and the approver's own person cannot be approved by them", async () => {
    signInAs(as(u.sys));
    const direct = await createAccountAction(null, formData({ username: "dc-admin", displayName: "部管理员", role: "MINISTRY_ADMIN", personId: "PT-0200" }));
    expect(direct).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "DUAL_CONTROL" } });
    const own = await requestAccountCreationAction(
      null,
      formData({ username: "dc-admin", displayName: "X", role: "MINISTRY_ADMIN", personId: "ＰＴ－０００１", reason: "x" }),
    );
    expect(own).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "OWN_ACCOUNT" } });
    const forSec = await requestAccountCreationAction(
      null,
      formData({ username: "dc-admin", displayName: "X", role: "MINISTRY_ADMIN", personId: "pt-0002", reason: "x" }),
    );
    if (!forSec.ok) throw new Error(JSON.stringify(forSec));
    expect(await approve(u.sec, forSec.data.requestId)).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "TARGET" } });
    // Non-privileged roles keep the direct creation, and a request for one is refused as not needed.
    signInAs(as(u.sys));
    const staff = await requestAccountCreationAction(null, formData({ username: "dc-staff-2", displayName: "X", role: "MINISTRY_STAFF", reason: "x" }));
    expect(staff).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "NOT_PRIVILEGED" } });
  });
});

describe("disabling, re-enabling and ending sessions of a privileged account", () => {
  it("each needs a request and another person's approval; a target cannot block a request about itself", async () => {
    signInAs(as(u.sys));
    expect(await setAccountDisabledAction(formData({ id: u.audit.id, disabled: "true" }))).toMatchObject({ ok: false, detail: { reason: "DUAL_CONTROL" } });
    expect(await endAccountSessionsAction(formData({ id: u.audit.id }))).toMatchObject({ ok: false, detail: { reason: "DUAL_CONTROL" } });
    const session = await signIn("dc-audit", u.audit.password);
    if (!session.ok) throw new Error("sign-in");

    const ended = await ask(u.sys, u.audit, "END_SESSIONS", "笔记本电脑遗失");
    if (!ended.ok) throw new Error(ended.code);
    expect(ended.data.requesterHalf).toBeNull();
    // One pending request per account.
    expect(await ask(u.sys, u.audit, "DISABLE")).toMatchObject({ ok: false, code: "DUPLICATE", detail: { reason: "PENDING_REQUEST" } });
    // The target rejecting the request about itself is refused like approving it.
    signInAs(as(u.audit));
    expect(await rejectAccountRequestAction(formData({ requestId: ended.data.requestId, reason: "不同意" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await approve(u.sec, ended.data.requestId)).ok).toBe(true);
    expect((await t.client.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).revokedAt).not.toBeNull();

    const disable = await ask(u.sys, u.audit, "DISABLE");
    if (!disable.ok) throw new Error(disable.code);
    expect((await approve(u.sec, disable.data.requestId)).ok).toBe(true);
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.audit.id } })).disabled).toBe(true);
    // Re-enabling a disabled privileged account is not a way round it either.
    signInAs(as(u.sys));
    expect(await setAccountDisabledAction(formData({ id: u.audit.id, disabled: "false" }))).toMatchObject({ ok: false, detail: { reason: "DUAL_CONTROL" } });
    expect(await ask(u.sys, u.audit, "DISABLE")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "ALREADY_DISABLED" } });
    const enable = await ask(u.sys, u.audit, "ENABLE");
    if (!enable.ok) throw new Error(enable.code);
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.audit.id } })).disabled).toBe(true);
    expect((await approve(u.sec, enable.data.requestId)).ok).toBe(true);
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.audit.id } })).disabled).toBe(false);
    expect((await audits("account.enable", u.audit.id))[0]).toMatchObject({ actorId: u.sec.id, after: { requestId: enable.data.requestId } });
  });

  it("a request about one's own person's other account is refused; other accounts keep the direct actions", async () => {
    expect(await ask(u.sys, u.sysSamePerson, "RESET_PASSWORD")).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "OWN_ACCOUNT" } });
    expect(await ask(u.sys, u.staff, "DISABLE")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "NOT_PRIVILEGED" } });
    signInAs(as(u.sys));
    const reset = await resetAccountPasswordAction(formData({ id: u.staff.id }));
    expect(reset.ok && reset.data.temporaryPassword).toHaveLength(16);
  });
});

describe("rejection, withdrawal and expiry", () => {
  it("a rejection needs a reason and is audited with it; the requester withdraws their own request only", async () => {
    const asked = await ask(u.sys, u.audit, "RESET_PASSWORD");
    if (!asked.ok) throw new Error(asked.code);
    signInAs(as(u.sec));
    expect(await rejectAccountRequestAction(formData({ requestId: asked.data.requestId, reason: " " }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: [{ key: "required" }] },
    });
    expect(await rejectAccountRequestAction(formData({ requestId: asked.data.requestId, reason: "未见工单" }))).toMatchObject({ ok: true });
    expect((await audits("account_request.reject", asked.data.requestId))[0]).toMatchObject({ actorId: u.sec.id, reason: "未见工单" });
    // Decided once: a later approval finds it decided.
    expect(await approve(u.sysOther, asked.data.requestId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "REJECTED" } });

    const second = await ask(u.sys, u.audit, "END_SESSIONS");
    if (!second.ok) throw new Error(second.code);
    signInAs(as(u.sysOther));
    expect(await cancelAccountRequestAction(formData({ requestId: second.data.requestId }))).toMatchObject({ ok: false, detail: { reason: "NOT_REQUESTER" } });
    signInAs(as(u.sys));
    expect(await cancelAccountRequestAction(formData({ requestId: second.data.requestId }))).toMatchObject({ ok: true });
    expect((await audits("account_request.cancel", second.data.requestId))[0]).toMatchObject({ actorId: u.sys.id });
  });

  it("a request does not outlive its requester's account: once that is disabled, it can only be rejected", async () => {
    const requester = await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "dc-sys-leaving", personId: "PT-0300" });
    const asked = await ask(requester, u.audit, "DISABLE");
    if (!asked.ok) throw new Error(asked.code);
    await t.client.user.update({ where: { id: requester.id }, data: { disabled: true } });
    expect(await approve(u.sec, asked.data.requestId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "REQUESTER_DISABLED" } });
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.audit.id } })).disabled).toBe(false);
    signInAs(as(u.sec));
    expect(await rejectAccountRequestAction(formData({ requestId: asked.data.requestId, reason: "申请人已离岗" }))).toMatchObject({ ok: true });
  });

  it("a request expires after 72 hours: it can no longer be approved, and the expiry is audited", async () => {
    const asked = await ask(u.sys, u.audit, "RESET_PASSWORD");
    if (!asked.ok) throw new Error(asked.code);
    const before = await hashOf(u.audit.id);
    const realNow = clock.now;
    clock.now = () => new Date(Date.now() + 73 * 3_600_000);
    try {
      signInAs(as(u.sec));
      const page = await loadAccountRequests();
      expect(page.decided.find((r) => r.id === asked.data.requestId)?.status).toBe("EXPIRED");
      expect(await approve(u.sec, asked.data.requestId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { reason: "EXPIRED" } });
    } finally {
      clock.now = realNow;
    }
    expect(await hashOf(u.audit.id)).toBe(before);
    expect((await t.client.accountRequest.findUniqueOrThrow({ where: { id: asked.data.requestId } })).status).toBe("EXPIRED");
    expect((await audits("account_request.expire", asked.data.requestId))[0]).toMatchObject({ actorId: null, source: "system", after: { status: "EXPIRED" } });
  });
});

// Two open transactions at once need a real server (PGlite has one connection).
describe.runIf(!!process.env.TEST_DATABASE_URL)("two decisions at once (PostgreSQL)", () => {
  it("exactly one wins; the other finds the request decided", async () => {
    const asked = await ask(u.sys, u.audit, "RESET_PASSWORD");
    if (!asked.ok) throw new Error(asked.code);
    signInAs(as(u.sec));
    const results = await Promise.all([1, 2].map(() => approveAccountRequestAction(formData({ requestId: asked.data.requestId }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await audits("account.password_reset", u.audit.id)).toHaveLength(1);
    expect(await audits("account_request.approve", asked.data.requestId)).toHaveLength(1);
  });
});

describe("the requests page", () => {
  it("lists pending requests with what this caller may do, and no person ids", async () => {
    const asked = await ask(u.sys, u.audit, "END_SESSIONS", "页面测试");
    if (!asked.ok) throw new Error(asked.code);
    const rowFor = async (who: MadeUser) => {
      signInAs(as(who));
      return (await loadAccountRequests()).pending.find((r) => r.id === asked.data.requestId);
    };
    expect(await rowFor(u.sec)).toMatchObject({ kind: "END_SESSIONS", username: "dc-audit", reason: "页面测试", mine: false, decisionRefusal: null });
    expect(await rowFor(u.sys)).toMatchObject({ mine: true, decisionRefusal: "REQUESTER" });
    expect(await rowFor(u.sysSamePerson)).toMatchObject({ mine: false, decisionRefusal: "REQUESTER" });
    expect(JSON.stringify(await rowFor(u.sec))).not.toMatch(/PT0003|personId/);
    signInAs(as(u.audit));
    await expect(loadAccountRequests()).rejects.toThrow();
  });
});
