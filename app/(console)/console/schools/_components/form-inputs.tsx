"use client";

import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList, type FieldIssue } from "@/components/field-error-list";

/** Labelled inputs of the school form; errors sit under the field and are announced with it. */
type Common = { name: string; label: string; issues?: FieldIssue[]; required?: boolean; hint?: string; className?: string };

function Label({ name, label, required }: Pick<Common, "name" | "label" | "required">) {
  const t = useTranslations("schools.form");
  return (
    <label htmlFor={`sf-${name}`} className="block text-sm font-medium">
      {label}
      {required ? (
        <span className="ml-1 text-red-700">
          *<span className="sr-only">（{t("required")}）</span>
        </span>
      ) : null}
    </label>
  );
}

const inputClass = (issues?: FieldIssue[]) =>
  `mt-1 w-full rounded border px-3 py-1.5 ${issues?.length ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`;

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p id={`sf-${name}-hint`} className="mt-1 text-xs text-slate-500">
      {hint}
    </p>
  ) : null;
}

export function TextInput({
  defaultValue,
  type = "text",
  inputMode,
  maxLength,
  ...c
}: Common & { defaultValue?: string; type?: string; inputMode?: "numeric" | "text" | "url" | "tel"; maxLength?: number }) {
  return (
    <div className={c.className}>
      <Label {...c} />
      <input
        id={`sf-${c.name}`}
        name={c.name}
        type={type}
        inputMode={inputMode}
        maxLength={maxLength}
        defaultValue={defaultValue}
        required={c.required}
        className={inputClass(c.issues)}
        {...describedBy(`sf-${c.name}-err`, c.issues, c.hint ? `sf-${c.name}-hint` : undefined)}
      />
      <Hint name={c.name} hint={c.hint} />
      <FieldErrorList id={`sf-${c.name}-err`} issues={c.issues} />
    </div>
  );
}

export function TextArea({ defaultValue, rows = 2, ...c }: Common & { defaultValue?: string; rows?: number }) {
  return (
    <div className={c.className}>
      <Label {...c} />
      <textarea
        id={`sf-${c.name}`}
        name={c.name}
        rows={rows}
        defaultValue={defaultValue}
        className={inputClass(c.issues)}
        {...describedBy(`sf-${c.name}-err`, c.issues, c.hint ? `sf-${c.name}-hint` : undefined)}
      />
      <Hint name={c.name} hint={c.hint} />
      <FieldErrorList id={`sf-${c.name}-err`} issues={c.issues} />
    </div>
  );
}

export function SelectInput({
  defaultValue,
  value,
  onChange,
  options,
  placeholder,
  ...c
}: Common & {
  defaultValue?: string;
  value?: string;
  onChange?: (v: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <div className={c.className}>
      <Label {...c} />
      <select
        id={`sf-${c.name}`}
        name={c.name}
        defaultValue={value === undefined ? defaultValue : undefined}
        value={value}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        required={c.required}
        className={inputClass(c.issues)}
        {...describedBy(`sf-${c.name}-err`, c.issues, c.hint ? `sf-${c.name}-hint` : undefined)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint name={c.name} hint={c.hint} />
      <FieldErrorList id={`sf-${c.name}-err`} issues={c.issues} />
    </div>
  );
}
