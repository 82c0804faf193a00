"use server";

import { defineAction } from "@/lib/actions/define";
import { setAccountEmail, setOwnEmail } from "./mutations";
import { accountEmailSchema, ownEmailSchema } from "./schema";

/** The signed-in user's own e-mail address (where their notifications are mailed). */
export const setOwnEmailAction = defineAction({
  policy: "setOwnEmailAction",
  input: ownEmailSchema,
  run: setOwnEmail,
  revalidate: ["/console/account"],
});

/** The system administrator sets a (non-privileged) account's address. */
export const setAccountEmailAction = defineAction({
  policy: "setAccountEmailAction",
  input: accountEmailSchema,
  run: setAccountEmail,
  revalidate: (input) => [`/console/accounts/${input.id}`],
});
