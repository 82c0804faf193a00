"use server";

import { defineAction } from "@/lib/actions/define";
import { issueApiKey, revokeApiKey } from "./mutations";
import { apiKeyIdSchema, issueApiKeySchema } from "./schema";

const PAGE = ["/console/account/api-keys"];

/** Issues a key for the caller; the answer holds the key, shown once (docs/decisions/0085). */
export const issueApiKeyAction = defineAction({ policy: "issueApiKeyAction", input: issueApiKeySchema, run: issueApiKey, revalidate: PAGE });

export const revokeApiKeyAction = defineAction({ policy: "revokeApiKeyAction", input: apiKeyIdSchema, run: revokeApiKey, revalidate: PAGE });
