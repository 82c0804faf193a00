import Link from "@/components/link";
import type { ButtonHTMLAttributes, ComponentProps, ReactNode, Ref } from "react";

/**
 * Buttons and links that look like buttons: one look per purpose. `primary` does the page's main
 * step, `secondary` a side step, `danger` something that removes or revokes, `outline` a quieter
 * main step (a form's second submit button).
 */
const VARIANTS = {
  primary: "bg-brand-700 font-medium text-white hover:bg-brand-800",
  secondary: "border border-slate-400 bg-white hover:bg-slate-100",
  danger: "bg-red-700 font-medium text-white hover:bg-red-800",
  outline: "border border-brand-700 font-medium text-brand-700 hover:bg-brand-50",
} as const;
const SIZES = { md: "px-4 py-2", sm: "px-3 py-1.5 text-sm", xs: "px-2 py-1 text-sm" } as const;

export type ButtonLook = { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES };

export function buttonClass({ variant = "primary", size = "md" }: ButtonLook = {}) {
  return `inline-block rounded disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]}`;
}

/** A button (type "button" unless said); while `pending` it is disabled and may say `pendingLabel`. */
export function Button({
  variant,
  size,
  pending,
  pendingLabel,
  className = "",
  type = "button",
  disabled,
  children,
  ...props
}: ButtonLook & ButtonHTMLAttributes<HTMLButtonElement> & { pending?: boolean; pendingLabel?: ReactNode; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button type={type} disabled={disabled || pending} className={`${buttonClass({ variant, size })} ${className}`.trim()} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A link to another page that looks like a button. */
export function ButtonLink({ variant, size, className = "", ...props }: ButtonLook & ComponentProps<typeof Link>) {
  return <Link className={`${buttonClass({ variant, size })} ${className}`.trim()} {...props} />;
}
