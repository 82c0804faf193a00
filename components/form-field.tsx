"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldErrorList, describedBy, type FieldIssue } from "./field-error-list";

export const inputClass = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

type Common = { name: string; label: ReactNode; issues?: FieldIssue[]; hint?: ReactNode };

/** The label, control and error list of one field; the control is tied to its errors and hint for screen readers. */
function Field({ name, label, issues, hint, children }: Common & { children: (aria: ReturnType<typeof describedBy>) => ReactNode }) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children(describedBy(`${name}-err`, issues, hintId))}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrorList id={`${name}-err`} issues={issues} />
    </div>
  );
}

/** A labelled single-line input with its errors. */
export function TextField({ name, label, issues, hint, ...props }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <Field name={name} label={label} issues={issues} hint={hint}>
      {(aria) => <input id={name} name={name} className={inputClass} {...props} {...aria} />}
    </Field>
  );
}

/** A labelled multi-line input with its errors. */
export function TextAreaField({ name, label, issues, hint, ...props }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  return (
    <Field name={name} label={label} issues={issues} hint={hint}>
      {(aria) => <textarea id={name} name={name} rows={2} className={inputClass} {...props} {...aria} />}
    </Field>
  );
}

/** A labelled drop-down with its errors; the options are its children. */
export function SelectField({ name, label, issues, hint, children, ...props }: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  return (
    <Field name={name} label={label} issues={issues} hint={hint}>
      {(aria) => (
        <select id={name} name={name} className={inputClass} {...props} {...aria}>
          {children}
        </select>
      )}
    </Field>
  );
}
