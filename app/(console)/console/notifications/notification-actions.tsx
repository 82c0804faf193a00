"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Notice } from "@/components/notice";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

type Labels = { open: string; openLabel: string; markRead: string; markReadLabel: string; failed: string };

/** Open (marks it read, then follows its link) and mark read; texts come from the page (server catalog). */
export function NotificationActions({ id, link, unread, labels }: { id: string; link: string; unread: boolean; labels: Labels }) {
  const router = useRouter();
  const [error, setError] = useState(false);
  const [busy, start] = useTransition();
  const mark = (then: () => void) =>
    start(async () => {
      const result = await markNotificationReadAction({ id });
      if (!result.ok) return setError(true);
      then();
    });
  return (
    <div className="flex flex-wrap gap-2">
      {error ? <Notice tone="error">{labels.failed}</Notice> : null}
      <Button type="button" size="sm" aria-label={labels.openLabel} disabled={busy} onClick={() => mark(() => router.push(link))}>
        {labels.open}
      </Button>
      {unread ? (
        <Button type="button" variant="secondary" size="sm" aria-label={labels.markReadLabel} disabled={busy} onClick={() => mark(() => router.refresh())}>
          {labels.markRead}
        </Button>
      ) : null}
    </div>
  );
}

export function MarkAllRead({ label, failed }: { label: string; failed: string }) {
  const router = useRouter();
  const [error, setError] = useState(false);
  const [busy, start] = useTransition();
  const markAll = () =>
    start(async () => {
      const result = await markAllNotificationsReadAction({});
      if (!result.ok) return setError(true);
      router.refresh();
    });
  return (
    <>
      {error ? <Notice tone="error">{failed}</Notice> : null}
      <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={markAll}>
        {label}
      </Button>
    </>
  );
}
