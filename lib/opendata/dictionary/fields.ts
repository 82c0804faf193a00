import { DATASETS, FIELDS, type DatasetName } from "../releases/records";

/**
 * The fields of the open-data API's response schemas, read from the OpenAPI document's component
 * schemas (themselves generated from the zod schemas in lib/opendata/schemas), and of the release
 * files (lib/opendata/releases/records.ts). Nested objects are walked ("authority.nameZh",
 * "designations[].kind"); a reference to another component is a field of that type, described there.
 */
type Json = Record<string, unknown>;

export type FieldShape = {
  /** "School", "SchoolList", … for the API; "schools.csv/json", … for release files. */
  source: string;
  path: string;
  /** The last segment of the path: the name the catalog describes. */
  name: string;
  type: string;
  nullable: boolean;
  /** The enum's values, when the field is an enum. */
  codes: string[] | null;
  /** `x-since` metadata on the zod schema (.meta({ "x-since": "1.1" })); null when the field is as old as the API. */
  since: string | null;
};

const refName = (s: Json) => (typeof s.$ref === "string" ? s.$ref.split("/").pop()! : null);

/** The non-null branch of a nullable schema, and whether it was nullable. */
function unwrap(s: Json): { schema: Json; nullable: boolean } {
  const branches = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (branches) {
    const rest = branches.filter((b) => b.type !== "null");
    if (rest.length === 1 && rest.length < branches.length) return { schema: { ...s, ...rest[0], anyOf: undefined, oneOf: undefined }, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes("null")) {
    const types = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  if (Array.isArray(s.enum) && s.enum.includes(null)) return { schema: { ...s, enum: s.enum.filter((v) => v !== null) }, nullable: true };
  return { schema: s, nullable: false };
}

function typeOf(s: Json): string {
  const ref = refName(s);
  if (ref) return ref;
  if (s.type === "string" && s.format) return String(s.format);
  if (s.type === "array") return `array<${typeOf((s.items ?? {}) as Json)}>`;
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return `map<${typeOf(s.additionalProperties as Json)}>`;
  return typeof s.type === "string" ? s.type : "any";
}

function walk(source: string, props: Record<string, Json>, prefix: string, out: FieldShape[]) {
  for (const [name, raw] of Object.entries(props)) {
    const { schema, nullable } = unwrap(raw);
    const path = prefix + name;
    const codes = Array.isArray(schema.enum) ? schema.enum.map(String) : null;
    const since = typeof raw["x-since"] === "string" ? raw["x-since"] : null;
    out.push({ source, path, name, type: typeOf(schema), nullable, codes, since });
    const item = schema.type === "array" ? unwrap((schema.items ?? {}) as Json).schema : null;
    if (schema.type === "object" && schema.properties) walk(source, schema.properties as Record<string, Json>, `${path}.`, out);
    if (item?.type === "object" && item.properties) walk(source, item.properties as Record<string, Json>, `${path}[].`, out);
  }
}

/** Every field of every component schema of the OpenAPI document. */
export function apiFields(components: Record<string, Json>): FieldShape[] {
  const out: FieldShape[] = [];
  for (const [name, schema] of Object.entries(components)) walk(name, (schema.properties ?? {}) as Record<string, Json>, "", out);
  return out;
}

/** The enum of a release-file field, when it has one (the same enums as the API: lib/kernel/enums.ts). */
export type ReleaseCodes = Partial<Record<DatasetName, Record<string, readonly string[]>>>;
export type ReleaseTypes = Record<string, string>;

/** Every column of every release file (the same fields in its CSV and JSON). */
export function releaseFields(codes: ReleaseCodes, types: ReleaseTypes): FieldShape[] {
  return DATASETS.flatMap((dataset) =>
    (FIELDS[dataset] as readonly string[]).map((name) => ({
      source: `${dataset}.csv / ${dataset}.json`,
      path: name,
      name,
      type: types[name] ?? "string",
      nullable: false,
      codes: codes[dataset]?.[name] ? [...codes[dataset][name]] : null,
      since: null,
    })),
  );
}
