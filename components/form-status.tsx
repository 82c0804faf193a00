"use client";

/** The outcome line under a form: an alert for a refusal, a polite status for success. */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  if (error)
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
        {error}
      </p>
    );
  if (success)
    return (
      <p role="status" className="text-sm text-green-800">
        {success}
      </p>
    );
  return null;
}
