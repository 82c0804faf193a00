import type { ReactNode } from "react";

/**
 * A small label with a colour: a status, a tier, "demo", "stale". The text carries the meaning,
 * the colour only repeats it; each tone keeps at least 4.5:1 contrast. Which value gets which tone
 * is the caller's (domain) choice.
 */
const TONES = {
  slate: "bg-slate-100 text-slate-700",
  gray: "bg-slate-200 text-slate-800",
  amber: "bg-amber-100 text-amber-900",
  green: "bg-green-100 text-green-800",
  emerald: "bg-emerald-100 text-emerald-900",
  red: "bg-red-100 text-red-800",
  rose: "bg-rose-100 text-rose-900",
  blue: "bg-blue-100 text-blue-800",
  sky: "bg-sky-100 text-sky-900",
  indigo: "bg-indigo-100 text-indigo-900",
  purple: "bg-purple-100 text-purple-900",
} as const;

export type Tone = keyof typeof TONES;

export function Badge({
  tone = "slate",
  size = "xs",
  className = "",
  testId,
  title,
  children,
}: {
  tone?: Tone;
  size?: "xs" | "sm";
  className?: string;
  testId?: string;
  title?: string;
  children: ReactNode;
}) {
  const text = size === "sm" ? "px-2 py-0.5 text-sm" : "px-1.5 py-0.5 text-xs";
  return (
    <span className={`inline-block rounded font-medium ${text} ${TONES[tone]} ${className}`.trim()} data-testid={testId} title={title}>
      {children}
    </span>
  );
}
