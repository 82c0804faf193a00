"use server";

import { defineAction } from "@/lib/actions/define";
import { approveAccountRequest, rejectAccountRequest } from "./decide";
import { cancelAccountRequest, requestAccountChange, requestAccountCreation } from "./mutations";
import { accountChangeRequestSchema, accountCreationRequestSchema, rejectRequestSchema, requestIdSchema } from "./schema";

/**
 * Dual control of privileged accounts (docs/decisions/0052): the system administrator requests,
 * another person (the security administrator, or another system administrator) approves or
 * rejects, the requester may withdraw. Who may decide which request is lib/accounts/dual-control.ts.
 */
const REQUESTS_PAGE = "/console/accounts/requests";

export const requestAccountCreationAction = defineAction({
  policy: "requestAccountCreationAction",
  input: accountCreationRequestSchema,
  run: requestAccountCreation,
  revalidate: [REQUESTS_PAGE],
});

export const requestAccountChangeAction = defineAction({
  policy: "requestAccountChangeAction",
  input: accountChangeRequestSchema,
  run: requestAccountChange,
  revalidate: (input) => [REQUESTS_PAGE, `/console/accounts/${input.id}`],
});

export const approveAccountRequestAction = defineAction({
  policy: "approveAccountRequestAction",
  input: requestIdSchema,
  run: approveAccountRequest,
  // No revalidation at all: Next refreshes the CURRENT page after any revalidatePath in an action
  // (whatever path is named), which would drop the row that shows the approver's half of the
  // password before it is read. The console pages are dynamic; they show the decision on the next visit.
});

export const rejectAccountRequestAction = defineAction({
  policy: "rejectAccountRequestAction",
  input: rejectRequestSchema,
  run: rejectAccountRequest,
  revalidate: [REQUESTS_PAGE],
});

export const cancelAccountRequestAction = defineAction({
  policy: "cancelAccountRequestAction",
  input: requestIdSchema,
  run: cancelAccountRequest,
  revalidate: [REQUESTS_PAGE],
});
