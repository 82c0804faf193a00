import "server-only";
import { getAuthority } from "@/lib/authorities/data";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { auditCountSince, scopeCounts, usersByRole } from "./data";

/** Console home: the signed-in user's own numbers, within their authority scope. */
export async function loadConsoleHome(requestedAuthority?: string) {
  const user = await requirePolicy("loadConsoleHome");
  // Experts and the 三员 administrators hold no registry data: their home is their inbox (lib/inbox).
  if (user.role === "EXPERT" || user.role === "SYSTEM_ADMIN" || user.role === "SECURITY_ADMIN" || user.role === "AUDIT_ADMIN") {
    if (requestedAuthority) requireAuthorityScope(user, requestedAuthority);
    if (user.role === "EXPERT") return { user, scopeAuthority: null, kind: "expert" as const };
    return { user, scopeAuthority: null, kind: "duty" as const };
  }
  // A ministry user may narrow to one authority; an officer asking for another one gets 403.
  const scope = requireAuthorityScope(user, requestedAuthority);
  const scopeAuthority = scope.authorityId ? await getAuthority(scope.authorityId) : null;
  const counts = await scopeCounts(scope);
  if (user.role === "MINISTRY_ADMIN" || user.role === "AUDITOR") {
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const [roles, audit] = await Promise.all([usersByRole(), auditCountSince(weekAgo)]);
    return { user, scopeAuthority, kind: "admin" as const, counts, roles, audit };
  }
  return { user, scopeAuthority, kind: "scoped" as const, counts };
}
