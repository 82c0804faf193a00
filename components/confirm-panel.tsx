"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";

/**
 * An inline confirmation step before an irreversible action. Focus moves into it when it opens;
 * Escape or the cancel button closes it. The caller decides what "confirm" does.
 */
export function ConfirmPanel({
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-b`}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className="rounded-lg border-2 border-red-400 bg-red-50 p-4"
    >
      <h2 id={`${id}-t`} className="font-semibold text-red-900">
        {title}
      </h2>
      <div id={`${id}-b`} className="mt-1 text-sm text-red-900">
        {body}
      </div>
      <div className="mt-3 flex gap-3">
        <Button type="button" onClick={onConfirm} disabled={busy} variant="danger">
          {confirmLabel}
        </Button>
        <Button ref={cancelRef} type="button" onClick={onCancel} variant="secondary">
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
