import "server-only";
import { db } from "@/lib/db/client";

/**
 * Reads of the request page and the account page. Person ids are selected only to evaluate the
 * dual-control rule in the loader; they are not passed on to the page.
 */
const party = { select: { id: true, username: true, displayName: true, personId: true } } as const;

const requestSelect = {
  id: true,
  kind: true,
  status: true,
  role: true,
  username: true,
  displayName: true,
  personId: true,
  reason: true,
  requestedAt: true,
  expiresAt: true,
  decidedAt: true,
  decisionNote: true,
  requestedById: true,
  requestedBy: party,
  decidedBy: { select: { username: true, displayName: true } },
  target: party,
} as const;

/** Pending requests (oldest first) and the latest decided ones. */
export async function listAccountRequests(recent = 20) {
  const [pending, decided] = await Promise.all([
    db().accountRequest.findMany({ where: { status: "PENDING" }, orderBy: { requestedAt: "asc" }, take: 200, select: requestSelect }),
    db().accountRequest.findMany({ where: { status: { not: "PENDING" } }, orderBy: { requestedAt: "desc" }, take: recent, select: requestSelect }),
  ]);
  return { pending, decided };
}

export type AccountRequestRow = Awaited<ReturnType<typeof listAccountRequests>>["pending"][number];

/** The caller as a party to a request: their role and person id. */
export async function getParty(id: string) {
  return db().user.findUnique({ where: { id }, select: { id: true, role: true, personId: true } });
}

/** The pending request about one account, if any (shown on its page). */
export async function pendingRequestAbout(targetId: string) {
  return db().accountRequest.findFirst({
    where: { targetId, status: "PENDING" },
    select: { id: true, kind: true, expiresAt: true, requestedBy: { select: { username: true } } },
  });
}
