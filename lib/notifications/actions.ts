"use server";

import { defineAction } from "@/lib/actions/define";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";
import { markAllReadSchema, notificationIdSchema } from "./schema";

const PAGE = ["/console/notifications"];

export const markNotificationReadAction = defineAction({
  policy: "markNotificationReadAction",
  input: notificationIdSchema,
  run: markNotificationRead,
  revalidate: PAGE,
});

export const markAllNotificationsReadAction = defineAction({
  policy: "markAllNotificationsReadAction",
  input: markAllReadSchema,
  run: (ctx) => markAllNotificationsRead(ctx),
  revalidate: PAGE,
});
