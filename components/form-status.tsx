import { Notice } from "./notice";

/** The outcome line under a form: an alert for a refusal, a polite status for success. */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) return <Notice tone="error">{error}</Notice>;
  if (success)
    return (
      <p role="status" className="text-sm text-green-800">
        {success}
      </p>
    );
  return null;
}
