import Link from "@/components/link";
import type { ReactNode } from "react";
import { Button, type ButtonLook } from "./button";

/** The end of a GET filter form: apply the filters, or go back to the unfiltered list (a plain link, so it has a URL). */
export function FilterActions({
  apply,
  reset,
  variant = "primary",
  children,
}: {
  apply: string;
  reset: { href: string; label: string };
  variant?: ButtonLook["variant"];
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      {children}
      <Button type="submit" variant={variant} size="sm">
        {apply}
      </Button>
      <Link href={reset.href} className="text-brand-700 underline">
        {reset.label}
      </Link>
    </div>
  );
}
