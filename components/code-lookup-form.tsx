import { Button } from "@/components/button";
import { TextField } from "@/components/form-field";

/**
 * A public page's "enter a code" form: a GET form (the code lands in the address, so the page can be
 * bookmarked and no script is needed), one upper-case monospaced field, its submit button beside it.
 * Used by /verify (a verification code) and /error-reports (a report's code).
 */
export function CodeLookupForm({
  action,
  id,
  label,
  value,
  hint,
  error,
  submit,
}: {
  action: string;
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  submit: string;
}) {
  return (
    <form method="get" action={action} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <TextField
        id={id}
        name="code"
        label={label}
        defaultValue={value.slice(0, 32)}
        maxLength={32}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint={hint}
        errorText={error ? [error] : undefined}
        inputClassName="font-mono text-lg uppercase"
        addon={<Button type="submit">{submit}</Button>}
      />
    </form>
  );
}
