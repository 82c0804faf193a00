import "server-only";
import { notFound } from "next/navigation";
import { isMinistry } from "@/lib/auth/roles";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { getAuthority } from "@/lib/authorities/data";
import { getBatch, listBatchesForAuthority } from "../batches/data";
import { windowState } from "../eligibility";
import { buildLedger } from "../ledger";
import { designationKindFor } from "../programme";
import { quotaFor } from "../quota";
import { ledgerRows } from "../results/data";
import { applicationTable, stepsFrom } from "../states";
import { applicationHints, getApplication, listApplications, majorsOfSchool, schoolsOfAuthority } from "./data";

/** The applying officer's pages: the page's row, then their own authority's scope. */
async function officer(page: "loadApplyHome" | "loadAuthorityBatch" | "loadNewApplication") {
  const user = await requirePolicy(page);
  const scope = requireAuthorityScope(user);
  return { user, scope, authorityId: scope.authorityId! };
}

/** The officer's selection home: batches open or past, with their own counts and quota. */
export async function loadApplyHome() {
  const { authorityId } = await officer("loadApplyHome");
  const [batches, authority] = await Promise.all([listBatchesForAuthority(authorityId), getAuthority(authorityId)]);
  return { authority, batches, now: new Date() };
}

/** One batch for the officer: their applications, the quota and the recommendation list. */
export async function loadAuthorityBatch(batchId: string) {
  const { scope, authorityId } = await officer("loadAuthorityBatch");
  const batch = await getBatch(batchId);
  if (!batch || batch.status === "DRAFT") notFound();
  const apps = await listApplications(batchId, scope);
  const quota = quotaFor(batch.defaultQuota, batch.quotas, authorityId);
  return { batch, apps, quota, used: apps.filter((a) => a.status === "RECOMMENDED").length, window: windowState(batch, new Date()) };
}

export async function loadNewApplication(batchId: string, schoolId?: string) {
  const { authorityId } = await officer("loadNewApplication");
  const batch = await getBatch(batchId);
  if (!batch || batch.status === "DRAFT") notFound();
  const schools = await schoolsOfAuthority(authorityId);
  const school = schoolId ? schools.find((s) => s.id === schoolId) : undefined;
  const majors = batch.kind === "MAJOR" && school ? await majorsOfSchool(school.id, authorityId) : [];
  const hints = await applicationHints(authorityId, batchId, designationKindFor(batch.kind));
  return {
    batch,
    schools: schools.map((s) => ({ ...s, designated: hints.designated.has(s.id), applied: batch.kind === "SCHOOL" && hints.applied.has(s.id) })),
    school,
    majors: majors.map((m) => ({ ...m, applied: hints.applied.has(m.id) })),
    window: windowState(batch, new Date()),
  };
}

/** The steps the applying officer takes on the application page, by the action that takes each. */
const OWNER_STEPS = { submit: "submitApplicationAction", reopen: "reopenApplicationAction", withdraw: "withdrawApplicationAction" } as const;
const isOwnerStep = (s: string): s is keyof typeof OWNER_STEPS => Object.hasOwn(OWNER_STEPS, s);

/**
 * One application: the applying authority's officer, ministry users and the auditor. Experts
 * never open applications here (they use their review page, which checks conflicts); another
 * authority's application is "not found".
 */
export async function loadApplication(id: string) {
  const user = await requirePolicy("loadApplication");
  const scope = requireAuthorityScope(user);
  const app = await getApplication(id, scope);
  if (!app) notFound();
  const batch = await getBatch(app.batchId);
  if (!batch) notFound();
  const ministry = isMinistry(user.role);
  // The applying authority sees the ledger once the results are public (公示 onward).
  const ledgerVisible = ministry || user.role === "AUDITOR" || batch.status === "NOTICE" || batch.status === "ANNOUNCED";
  const rows = ledgerVisible ? await ledgerRows(id) : null;
  const ledger = rows ? buildLedger(rows, ministry ? "ministry" : user.role === "AUDITOR" ? "auditor" : "applicant") : null;
  const applying = batch.status === "APPLYING";
  return {
    user,
    app,
    batch,
    ledger,
    canEdit: may(user, "saveApplicationAction") && app.status === "DRAFT" && applying && windowState(batch, new Date()) === "open",
    steps: applying
      ? stepsFrom(applicationTable, app.status)
          .filter(isOwnerStep)
          .filter((s) => may(user, OWNER_STEPS[s]))
      : [],
  };
}
