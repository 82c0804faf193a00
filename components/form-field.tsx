import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList, type FieldIssue } from "./field-error-list";

/**
 * THE form fields: every form, console and public, client-side or a server-rendered GET form,
 * builds its fields from these (check boxes and radio groups: choice-field.tsx). Each field has
 * its label, an optional required marker, a hint and its error list, tied to the control with
 * aria-describedby and aria-invalid. The marker sits beside the label, not inside it: the "*"
 * is hidden from screen readers and its word ("必填") is read in browsing, while the control
 * carries `required` — so the field's accessible name stays exactly its label.
 * No "use client": a client form and a server-rendered one use the same component.
 */
export type FieldFrame = {
  /** The control's id (default: its name): give one when a name repeats on a page. */
  id?: string;
  name?: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** Errors as `validation.*` keys (from an action's fieldErrors). */
  issues?: FieldIssue[];
  /** Errors already in words (a server-rendered refusal; announced as an alert). */
  errorText?: string[];
  /** Marks the control invalid when the reason is told elsewhere (the form's message). */
  invalid?: boolean;
  /** Ids of other elements that describe the control (a hint elsewhere on the page). */
  describedBy?: string;
  /** A label for screen readers only (a control in a table row). */
  labelHidden?: boolean;
  /** The label beside the control instead of above it. */
  inline?: boolean;
  className?: string;
};

type Look = { width?: "full" | "short" | "auto"; dense?: boolean; inputClassName?: string };

/** What a field gives its control: id, name, required and the aria ties. */
export type ControlProps = { id: string; name?: string; required?: boolean; "aria-invalid"?: boolean; "aria-describedby"?: string };

const WIDTHS = { full: "w-full", short: "w-28", auto: "" };

export function controlClass({ width = "full", dense, inputClassName = "" }: Look, invalid?: boolean) {
  const border = invalid ? "border-red-500 bg-red-50" : "border-slate-300 bg-white";
  return `block rounded border ${border} ${dense ? "px-2 py-1 text-sm" : "px-3 py-2"} ${WIDTHS[width]} ${inputClassName}`.trim();
}

/** "*" for the eye, the word for a screen reader; the control itself says `required`. */
export function RequiredMark() {
  const t = useTranslations("validation");
  return (
    <span className="ml-1 text-red-700">
      <span aria-hidden="true">*</span>
      <span className="sr-only">{t("requiredMark")}</span>
    </span>
  );
}

/** What stands under a control: its hint (`${id}-hint`) and its error list (`${id}-err`). */
export function FieldNotes({
  id,
  hint,
  issues,
  errorText,
  className = "mt-1",
}: {
  id: string;
  hint?: ReactNode;
  issues?: FieldIssue[];
  errorText?: string[];
  className?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={`${className} text-xs text-slate-600`}>
          {hint}
        </p>
      ) : null}
      <FieldErrorList id={`${id}-err`} issues={issues} messages={errorText} />
    </>
  );
}

/** The frame of one field: label, marker, the control (from `children`), hint and errors. */
export function Field({ children, ...frame }: FieldFrame & { children: (control: ControlProps, invalid: boolean) => ReactNode }) {
  const { id: ownId, name, label, required, hint, issues, errorText, labelHidden, inline, className = "" } = frame;
  const id = ownId ?? name ?? "";
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = Boolean(frame.invalid || issues?.length || errorText?.length);
  const control: ControlProps = { id, name, required, ...describedBy(`${id}-err`, invalid, hintId, frame.describedBy) };
  return (
    <div className={`${inline ? "flex flex-wrap items-center gap-x-3 gap-y-1" : ""} ${className}`.trim() || undefined}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "text-sm font-medium"}>
        {label}
      </label>
      {required && !labelHidden ? <RequiredMark /> : null}
      {inline || labelHidden ? children(control, invalid) : <div className="mt-1">{children(control, invalid)}</div>}
      <FieldNotes id={id} hint={hint} issues={issues} errorText={errorText} className={inline ? "basis-full" : undefined} />
    </div>
  );
}

const FRAME_KEYS = ["id", "name", "label", "required", "hint", "issues", "errorText", "invalid", "describedBy", "labelHidden", "inline", "className"] as const;
const LOOK_KEYS = ["width", "dense", "inputClassName"] as const;

/** Splits a field's props into its frame, its look and what goes on the control. */
function split<P extends FieldFrame & Look>(props: P) {
  const rest: Record<string, unknown> = { ...props };
  const pick = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, rest[key]]).filter(([, value]) => value !== undefined));
  const frame = pick(FRAME_KEYS) as FieldFrame;
  const look = pick(LOOK_KEYS) as Look;
  for (const key of [...FRAME_KEYS, ...LOOK_KEYS]) delete rest[key];
  return { frame, look, control: rest as Omit<P, keyof FieldFrame | keyof Look> };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "required"> & { ref?: Ref<HTMLInputElement> };

/** A single-line input (text, number, date, search, password, file…), optionally with a button beside it. */
export function TextField(props: FieldFrame & Look & InputProps & { suggestions?: string[]; addon?: ReactNode }) {
  const { frame, look, control } = split(props);
  const { suggestions, addon, ...input } = control;
  return (
    <Field {...frame}>
      {(aria, invalid) => {
        const listId = suggestions ? `${aria.id}-list` : input.list;
        const element = <input {...input} {...aria} list={listId} className={controlClass(look, invalid)} />;
        return (
          <>
            {addon ? (
              <div className="flex flex-col gap-2 sm:flex-row">
                {element}
                {addon}
              </div>
            ) : (
              element
            )}
            {suggestions ? (
              <datalist id={listId}>
                {suggestions.map((value) => (
                  <option key={value} value={value} />
                ))}
              </datalist>
            ) : null}
          </>
        );
      }}
    </Field>
  );
}

/** A multi-line input. */
export function TextAreaField(props: FieldFrame & Look & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className" | "required">) {
  const { frame, look, control } = split(props);
  return <Field {...frame}>{(aria, invalid) => <textarea rows={2} {...control} {...aria} className={controlClass(look, invalid)} />}</Field>;
}

export type Option = { value: string; label: string };

/** A drop-down: `options` (after an empty `placeholder` option when given), or option elements as children. */
export function SelectField(
  props: FieldFrame &
    Look &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "required"> & { options?: Option[]; placeholder?: string },
) {
  const { frame, look, control } = split(props);
  const { options, placeholder, children, ...select } = control;
  return (
    <Field {...frame}>
      {(aria, invalid) => (
        <select {...select} {...aria} className={controlClass(look, invalid)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}
