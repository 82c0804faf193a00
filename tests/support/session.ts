import type { SessionUser } from "@/lib/auth/roles";

/**
 * Tests cannot run real Auth.js outside a request: tests/support/setup.ts mocks lib/auth/auth so
 * that auth() returns the user set here. Sign-in itself is tested for real in Playwright.
 */
const state: { user: SessionUser | null } = { user: null };

export function signInAs(user: SessionUser | null) {
  state.user = user;
}

export function currentTestUser() {
  return state.user;
}

export const testUsers = {
  admin: { id: "u-admin", username: "admin", displayName: "部管理员", role: "MINISTRY_ADMIN", authorityId: null },
  ministry: { id: "u-ministry", username: "ministry", displayName: "部工作人员", role: "MINISTRY_STAFF", authorityId: null },
  gdOfficer: { id: "u-gd", username: "gd-officer", displayName: "广东经办人", role: "PROVINCE_OFFICER", authorityId: "guangdong" },
  zjOfficer: { id: "u-zj", username: "zj-officer", displayName: "浙江经办人", role: "PROVINCE_OFFICER", authorityId: "zhejiang" },
  expert: { id: "u-expert", username: "expert1", displayName: "专家一", role: "EXPERT", authorityId: "guangdong" },
  auditor: { id: "u-auditor", username: "auditor", displayName: "审计员", role: "AUDITOR", authorityId: null },
} satisfies Record<string, SessionUser>;
