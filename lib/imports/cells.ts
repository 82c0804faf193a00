import type { ColumnDef } from "./columns";
import type { Issue } from "@/lib/validation/issues";

/**
 * Turning one spreadsheet cell into the value the school schema expects. Cells come from exceljs
 * (numbers, Dates, rich text, formula results) or from CSV (strings). Problems found here are
 * issues with `validation.*` keys, like the schema's own.
 */
export type Primitive = string | number | boolean | Date | null;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). Text that
 * already starts with apostrophes before one of them is prefixed too, so that the import's removal
 * of one apostrophe gives back exactly the original ("'=x" → "''=x" → "'=x").
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

/** Export: prefix ' so that a spreadsheet shows the text instead of running it. */
export function neutraliseFormula(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** Import: undo neutraliseFormula so that an exported file re-imports unchanged. */
export function unneutraliseFormula(value: string): string {
  return value.startsWith("'") && NEEDS_PREFIX.test(value.slice(1)) ? value.slice(1) : value;
}

/** exceljs cell values (rich text, hyperlinks, formulas, errors) reduced to a primitive. */
export function cellPrimitive(v: unknown): Primitive {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("result" in o) return cellPrimitive(o.result);
    if ("formula" in o || "sharedFormula" in o) return null;
    if (typeof o.text === "string") return o.text;
    if ("error" in o) return String(o.error);
  }
  return String(v);
}

/** The text a person sees for a cell (for the error table). */
export function displayValue(v: Primitive): string {
  if (v === null) return "";
  if (v instanceof Date) return isoDate(v);
  return String(v);
}

export function isoDate(d: Date): string {
  // exceljs returns dates at UTC midnight; read them in UTC so that no time zone shifts the day.
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Excel serial day numbers (1900 system) to a date. */
function fromSerial(n: number): string {
  return isoDate(new Date(Math.round((n - 25569) * 86400 * 1000)));
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/;

export function normaliseDate(v: Primitive): string | null {
  if (v === null || v === "") return null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "number") return v > 0 && v < 2958466 ? fromSerial(v) : String(v);
  const s = String(v).trim();
  if (s === "") return null;
  const m = DATE_TEXT.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : s;
}

export type CellResult = { value: unknown; issue?: Issue };

/** Normalises a cell for its column; enum labels become codes; unknown labels are an issue. */
export function normaliseCell(col: ColumnDef, raw: Primitive): CellResult {
  const text = raw === null ? "" : raw instanceof Date ? isoDate(raw) : unneutraliseFormula(String(raw).trim());
  switch (col.type) {
    case "date":
      return { value: typeof raw === "string" ? normaliseDate(text) : normaliseDate(raw) };
    case "int": {
      if (text === "") return { value: null };
      if (typeof raw === "number") return { value: raw };
      const cleaned = text.replace(/[,，\s]/g, "");
      return { value: /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : cleaned };
    }
    case "enum": {
      if (text === "") return { value: null };
      const code = enumCode(col, text);
      if (code) return { value: code };
      return { value: text, issue: { key: "enumValue", params: { allowed: Object.values(col.labels ?? {}).join("、") } } };
    }
    case "list":
      return {
        value:
          text === ""
            ? []
            : text
                .split(/[;；、\n]/)
                .map((s) => s.trim())
                .filter(Boolean),
      };
    default:
      return { value: text === "" ? null : text };
  }
}

export function enumCode(col: ColumnDef, text: string): string | null {
  const t = text.trim();
  for (const [code, label] of Object.entries(col.labels ?? {})) {
    if (t === label || t.toUpperCase() === code) return code;
  }
  const alias = col.aliases?.[t] ?? col.aliases?.[t.replace(/（/g, "(").replace(/）/g, ")")];
  return alias ?? null;
}

/** The cell text an export writes for a value of this column. */
export function exportCell(col: ColumnDef, value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (col.type === "enum") return col.labels?.[String(value)] ?? String(value);
  // The joined list is one cell: its first name may start like a formula too.
  if (col.type === "list") return neutraliseFormula((value as string[]).join("；"));
  if (col.type === "int") return Number(value);
  if (col.type === "date") return value instanceof Date ? isoDate(value) : String(value);
  return neutraliseFormula(String(value));
}
