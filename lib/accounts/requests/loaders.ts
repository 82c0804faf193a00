import "server-only";
import { requirePolicy } from "@/lib/auth/gates";
import { clock } from "@/lib/kernel/dates";
import { approvalRefusal, effectiveStatus } from "../dual-control";
import { getParty, listAccountRequests, type AccountRequestRow } from "./data";

/**
 * /console/accounts/requests: pending requests about privileged accounts, for the system
 * administrators who file them and the people who decide them, and the latest decided ones. Each
 * row says what this caller may do with it (the actions check again); person ids stay here.
 */
export async function loadAccountRequests() {
  const user = await requirePolicy("loadAccountRequests");
  const now = clock.now();
  const [me, { pending, decided }] = await Promise.all([getParty(user.id), listAccountRequests()]);
  const view = (row: AccountRequestRow) => {
    const status = effectiveStatus(row, now);
    const target = row.target ?? { id: null, personId: row.personId };
    const refusal = me ? approvalRefusal(me, row.requestedBy, target) : "ROLE";
    return {
      id: row.id,
      kind: row.kind,
      status,
      role: row.role,
      target: row.target ? { id: row.target.id, username: row.target.username, displayName: row.target.displayName } : null,
      username: row.target?.username ?? row.username ?? "",
      displayName: row.target?.displayName ?? row.displayName ?? "",
      reason: row.reason,
      requestedBy: row.requestedBy.displayName || row.requestedBy.username,
      requestedAt: row.requestedAt,
      expiresAt: row.expiresAt,
      decidedBy: row.decidedBy ? row.decidedBy.displayName || row.decidedBy.username : null,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
      mine: row.requestedById === user.id,
      /** Why this caller may not decide it (null: they may). */
      decisionRefusal: status === "PENDING" ? refusal : null,
    };
  };
  const rows = [...pending, ...decided].map(view);
  return { pending: rows.filter((r) => r.status === "PENDING"), decided: rows.filter((r) => r.status !== "PENDING"), now };
}
