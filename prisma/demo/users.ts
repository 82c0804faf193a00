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
};

const u = (username: string, password: string, displayName: string, role: Role, authorityId: string | null = null, personId?: string): DemoUser => ({
  id: `demo-user-${username}`,
  username,
  password,
  displayName,
  role,
  authorityId,
  ...(personId ? { personId } : {}),
});

export const DEMO_USERS: DemoUser[] = [
  u("admin", "Admin#2026demo", "部管理员（演示）", "MINISTRY_ADMIN"),
  u("ministry", "Ministry#2026demo", "部工作人员（演示）", "MINISTRY_STAFF"),
  u("gd-officer", "Officer#2026demo", "广东省经办人（演示）", "PROVINCE_OFFICER", "guangdong"),
  u("zj-officer", "Officer#2026demo", "浙江省经办人（演示）", "PROVINCE_OFFICER", "zhejiang"),
  u("expert1", "Expert#2026demo", "专家一（演示）", "EXPERT", "guangdong"),
  u("expert2", "Expert#2026demo", "专家二（演示）", "EXPERT", "zhejiang"),
  u("expert3", "Expert#2026demo", "专家三（演示）", "EXPERT", "jiangsu"),
  u("expert4", "Expert#2026demo", "专家四（演示）", "EXPERT", "shandong"),
  u("auditor", "Auditor#2026demo", "审计员（演示）", "AUDITOR"),
  // 三员: three different people (illustrative staff numbers), none of them must change the password.
  u("sysadmin", "Sysadmin#2026demo", "系统管理员（演示）", "SYSTEM_ADMIN", null, "DEMO-STAFF-0001"),
  u("secadmin", "Secadmin#2026demo", "安全管理员（演示）", "SECURITY_ADMIN", null, "DEMO-STAFF-0002"),
  u("auditadmin", "Auditadmin#2026demo", "审计管理员（演示）", "AUDIT_ADMIN", null, "DEMO-STAFF-0003"),
];
