import { z } from "zod";

/** Inputs of the notification actions (lib/notifications/actions.ts). */
export const notificationIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const markAllReadSchema = z.object({});
