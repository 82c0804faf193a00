import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, type FieldIssue } from "./field-error-list";
import { FieldNotes, RequiredMark, type Option } from "./form-field";

/**
 * The other half of the form fields (form-field.tsx): a single check box, and a group of radio
 * buttons or check boxes under a legend — each with its hint and errors tied to it.
 */
type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type" | "className"> & {
  id?: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  issues?: FieldIssue[];
  className?: string;
};

/** One check box with its label beside it. */
export function CheckboxField({ id: ownId, name, label, hint, issues, className, ...input }: CheckboxProps) {
  const id = ownId ?? name ?? "";
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" id={id} name={name} {...input} {...describedBy(`${id}-err`, issues, hintId)} />
        {label}
      </label>
      <FieldNotes id={id} hint={hint} issues={issues} />
    </div>
  );
}

type ChoiceProps = {
  type?: "radio" | "checkbox";
  /** The group's id (default: its name); ids of errors and hint derive from it. */
  id?: string;
  name: string;
  label: ReactNode;
  labelHidden?: boolean;
  required?: boolean;
  options: Option[];
  /** Chosen values, for a group the caller keeps in state (with onChoose)… */
  selected?: string[];
  onChoose?: (value: string, checked: boolean) => void;
  /** …or the values chosen when the form opens. */
  defaultSelected?: readonly string[];
  /** One option a line, instead of side by side. */
  column?: boolean;
  hint?: ReactNode;
  issues?: FieldIssue[];
  className?: string;
};

/** Radio buttons or check boxes under a legend; the group is described by its hint and errors. */
export function ChoiceField({
  type = "radio",
  id: ownId,
  name,
  label,
  labelHidden,
  required,
  options,
  selected,
  onChoose,
  defaultSelected,
  column,
  hint,
  issues,
  className,
}: ChoiceProps) {
  const id = ownId ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset className={className} aria-describedby={describedBy(`${id}-err`, issues, hintId)["aria-describedby"]}>
      <legend className={labelHidden ? "sr-only" : "text-sm font-medium"}>
        {label}
        {required && !labelHidden ? <RequiredMark /> : null}
      </legend>
      <div className={column ? "mt-1 space-y-1" : "mt-1 flex flex-wrap gap-x-4 gap-y-1"}>
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type={type}
              name={name}
              value={option.value}
              required={type === "radio" ? required : undefined}
              checked={selected ? selected.includes(option.value) : undefined}
              defaultChecked={selected ? undefined : defaultSelected?.includes(option.value)}
              onChange={onChoose ? (event) => onChoose(option.value, event.target.checked) : undefined}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldNotes id={id} hint={hint} issues={issues} />
    </fieldset>
  );
}
