/**
 * The kinds of notification (docs/decisions/0068): each is a message key of
 * lib/i18n/messages/<locale>/notifications.json ("kinds.<kind>"), filled with the row's params.
 */
export const NOTIFICATION_KINDS = ["reviewAssigned", "batchOpened", "batchClosing", "objectionFiled", "approvalRequested", "reportReceived"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How long before an open batch's window closes its officers are reminded. */
export const CLOSING_REMINDER_DAYS = 3;
