import type { ReactNode } from "react";

/**
 * A boxed message on a page: a refusal (an alert, read out at once), a saved change (a polite
 * status), a warning or a note. The role follows the tone unless the caller says otherwise.
 */
const TONES = {
  error: "border-red-300 bg-red-50 text-red-800",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  info: "border-sky-300 bg-sky-50 text-sky-950",
  note: "border-slate-300 bg-slate-50",
} as const;
const ROLES = { error: "alert", success: "status", warning: undefined, info: undefined, note: "note" } as const;

export function Notice({
  tone,
  role,
  testId,
  className = "",
  children,
}: {
  tone: keyof typeof TONES;
  role?: "alert" | "status" | "note" | null;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role={(role === undefined ? ROLES[tone] : role) ?? undefined}
      data-testid={testId}
      className={`rounded border p-2 text-sm ${TONES[tone]} ${className}`.trim()}
    >
      {children}
    </div>
  );
}
