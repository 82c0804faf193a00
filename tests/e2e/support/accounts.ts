/**
 * The demo accounts created by `npm run db:seed` (demo data only — documented in the README).
 * `authority` is the authority in the account's console scope, by its Chinese name.
 */
export type DemoAccount = { username: string; password: string; role: string; authority?: string };

export const demoAccounts = {
  admin: { username: "admin", password: "Admin#2026demo", role: "MINISTRY_ADMIN" },
  ministry: { username: "ministry", password: "Ministry#2026demo", role: "MINISTRY_STAFF" },
  gdOfficer: { username: "gd-officer", password: "Officer#2026demo", role: "PROVINCE_OFFICER", authority: "广东省" },
  zjOfficer: { username: "zj-officer", password: "Officer#2026demo", role: "PROVINCE_OFFICER", authority: "浙江省" },
  expert1: { username: "expert1", password: "Expert#2026demo", role: "EXPERT" },
  expert2: { username: "expert2", password: "Expert#2026demo", role: "EXPERT" },
  expert3: { username: "expert3", password: "Expert#2026demo", role: "EXPERT" },
  expert4: { username: "expert4", password: "Expert#2026demo", role: "EXPERT" },
  auditor: { username: "auditor", password: "Auditor#2026demo", role: "AUDITOR" },
  // 三员 (separation of duties): they land on their own pages, not the console home.
  sysadmin: { username: "sysadmin", password: "Sysadmin#2026demo", role: "SYSTEM_ADMIN" },
  secadmin: { username: "secadmin", password: "Secadmin#2026demo", role: "SECURITY_ADMIN" },
  auditadmin: { username: "auditadmin", password: "Auditadmin#2026demo", role: "AUDIT_ADMIN" },
} satisfies Record<string, DemoAccount>;
