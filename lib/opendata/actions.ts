"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { publishRelease } from "./releases/publish";

/**
 * Publishes an open-data release now (ministry administrators only; audited by the mutation).
 * No transaction of its own: publishing reads every dataset first, then records in its own
 * transaction per numbered attempt (lib/opendata/releases/publish.ts).
 */
export const publishReleaseAction = defineAction({
  policy: "publishReleaseAction",
  input: z.object({}),
  transaction: false,
  run: async (ctx) => ({ slug: (await publishRelease(ctx)).slug }),
  revalidate: ["/data"],
});
