import "server-only";
import { notFound } from "next/navigation";
import { requirePolicy } from "@/lib/auth/gates";
import { clock } from "@/lib/kernel/dates";
import { getAccount, getOwnAccount, getSecurityPolicy, listAccounts, listAuthorityOptions } from "./data";
import { needsDualControl } from "./dual-control";
import { pendingRequestAbout } from "./requests/data";
import { accountListSchema } from "./schema";

const ACCOUNT_PAGE_SIZE = 50;

/** /console/accounts: the system administrator's account list. */
export async function loadAccountList(raw: Record<string, string | string[] | undefined>) {
  await requirePolicy("loadAccountList");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = accountListSchema.parse({
    q: first(raw.q),
    role: first(raw.role) || undefined,
    status: first(raw.status) || undefined,
    page: first(raw.page),
  });
  const now = clock.now();
  const [{ total, rows }, authorities] = await Promise.all([listAccounts({ ...filter, pageSize: ACCOUNT_PAGE_SIZE }, now), listAuthorityOptions()]);
  return { filter, total, rows, authorities, pageSize: ACCOUNT_PAGE_SIZE, now };
}

export async function loadNewAccountForm() {
  await requirePolicy("loadNewAccountForm");
  return { authorities: await listAuthorityOptions() };
}

export async function loadAccount(id: string) {
  const admin = await requirePolicy("loadAccount");
  const now = clock.now();
  const account = await getAccount(id, now);
  if (!account) notFound();
  // A privileged account is changed only through a request and another person's approval (docs/decisions/0052).
  const privileged = needsDualControl(account.role);
  const pendingRequest = privileged ? await pendingRequestAbout(id) : null;
  return { account, isSelf: account.id === admin.id, privileged, pendingRequest, now };
}

/** /console/security-policy: only the security administrator. */
export async function loadSecurityPolicy() {
  await requirePolicy("loadSecurityPolicy");
  return getSecurityPolicy();
}

/** /console/account: the signed-in user's own account (sessions, password). */
export async function loadOwnAccount() {
  const user = await requirePolicy("loadOwnAccount");
  const own = await getOwnAccount(user.id, clock.now());
  if (!own) notFound();
  return own;
}

/** /console/account/password: reachable while a password change is due (the only page that is). */
export async function loadPasswordPage() {
  const user = await requirePolicy("loadPasswordPage");
  const policy = await getSecurityPolicy();
  return { mustChange: !!user.mustChangePassword, username: user.username, minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses };
}
