import { expiryOf } from "../../lib/accounts/dual-control";
import { normalisePersonId } from "../../lib/accounts/separation";
import type { Role } from "../../lib/kernel/enums";

/**
 * The demo accounts (passwords are documented in the README; they exist only in demo databases).
 * Experts have a home authority so that reviews can avoid conflicts of interest.
 */
export type DemoUser = {
  id: string;
  username: string;
  password: string;
  displayName: string;
  role: Role;
  authorityId: string | null;
  /** The person behind the account (三员分立 is checked across a person's accounts). */
  personId?: string;
  /**
   * Where notifications are mailed when SMTP_URL is set: example.com is reserved (RFC 2606), so a
   * demo run against a real mail server delivers nothing to anyone.
   */
  email: string;
};

const u = (username: string, password: string, displayName: string, role: Role, authorityId: string | null = null, personId?: string): DemoUser => ({
  id: `demo-user-${username}`,
  username,
  password,
  displayName,
  role,
  authorityId,
  email: `${username}@example.com`,
  // Stored normalised, as the account forms store it.
  ...(personId ? { personId: normalisePersonId(personId) } : {}),
});

export const DEMO_USERS: DemoUser[] = [
  // Privileged accounts (三员, the ministry administrator, the auditor) name their person: dual
  // control compares people, not accounts (docs/decisions/0052). Illustrative staff numbers.
  u("admin", "Admin#2026demo", "部管理员（演示）", "MINISTRY_ADMIN", null, "DEMO-STAFF-0004"),
  u("ministry", "Ministry#2026demo", "部工作人员（演示）", "MINISTRY_STAFF"),
  u("gd-officer", "Officer#2026demo", "广东省经办人（演示）", "PROVINCE_OFFICER", "guangdong"),
  u("zj-officer", "Officer#2026demo", "浙江省经办人（演示）", "PROVINCE_OFFICER", "zhejiang"),
  u("expert1", "Expert#2026demo", "专家一（演示）", "EXPERT", "guangdong"),
  u("expert2", "Expert#2026demo", "专家二（演示）", "EXPERT", "zhejiang"),
  u("expert3", "Expert#2026demo", "专家三（演示）", "EXPERT", "jiangsu"),
  u("expert4", "Expert#2026demo", "专家四（演示）", "EXPERT", "shandong"),
  u("auditor", "Auditor#2026demo", "审计员（演示）", "AUDITOR", null, "DEMO-STAFF-0005"),
  // 三员: three different people (illustrative staff numbers), none of them must change the password.
  u("sysadmin", "Sysadmin#2026demo", "系统管理员（演示）", "SYSTEM_ADMIN", null, "DEMO-STAFF-0001"),
  u("secadmin", "Secadmin#2026demo", "安全管理员（演示）", "SECURITY_ADMIN", null, "DEMO-STAFF-0002"),
  u("auditadmin", "Auditadmin#2026demo", "审计管理员（演示）", "AUDIT_ADMIN", null, "DEMO-STAFF-0003"),
];

/**
 * One request waiting for a second person, so that the demo shows dual control: the system
 * administrator asked to end the auditor's sessions; the security administrator may approve or
 * reject it at /console/accounts/requests (it expires 72 hours after the seed ran).
 */
export function demoAccountRequests(now: Date) {
  return [
    {
      id: "demo-account-request-1",
      kind: "END_SESSIONS" as const,
      targetId: "demo-user-auditor",
      role: "AUDITOR" as const,
      reason: "演示：审计员报告笔记本电脑遗失，请结束其全部会话",
      requestedById: "demo-user-sysadmin",
      requestedAt: now,
      expiresAt: expiryOf(now),
    },
  ];
}

/**
 * Two refused sign-ins in the hours before the seed ran, so the audit administrator's and the
 * auditor's inbox (lib/inbox) shows the kind of event the audit log flags. Illustrative addresses
 * (TEST-NET-3); deterministic ids, so a second seed adds none.
 */
export function demoRefusedSignIns(now: Date) {
  return [1, 3].map((hours, n) => ({
    id: `demo-audit-refused-sign-in-${n + 1}`,
    at: new Date(now.getTime() - hours * 3_600_000),
    actorId: null,
    actorLabel: "gd-officer",
    action: "auth.sign_in_failed",
    entityType: "User",
    entityId: "demo-user-gd-officer",
    authorityId: "guangdong",
    after: { reason: "wrong_password", username: "gd-officer", ip: "203.0.113.7", demo: true },
    source: "web",
    clientAddress: "203.0.113.7",
  }));
}
