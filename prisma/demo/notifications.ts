/**
 * Unread notifications for the demo expert and the Guangdong officer, so a first look at the
 * console shows the header's count and the list (docs/decisions/0068). Fixed ids: idempotent.
 */
export function demoNotifications(now: Date) {
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const batch = `${now.getUTCFullYear()}年度优质技工院校`;
  return [
    {
      id: "demo-notification-1",
      userId: "demo-user-expert1",
      kind: "reviewAssigned",
      params: { batch },
      link: "/console/selection/reviews",
      createdAt: at(30),
    },
    {
      id: "demo-notification-2",
      userId: "demo-user-expert1",
      kind: "reviewAssigned",
      params: { batch },
      link: "/console/selection/reviews",
      createdAt: at(90),
    },
    { id: "demo-notification-3", userId: "demo-user-gd-officer", kind: "batchOpened", params: { batch }, link: "/console/selection/apply", createdAt: at(60) },
  ];
}
