/**
 * Canonical JSON (RFC 8785 "JCS" for the value types the registry signs): object keys sorted by
 * UTF-16 code units, no whitespace, strings escaped as ECMAScript JSON.stringify does, numbers in
 * ECMAScript's shortest round-trip form. The signature covers the UTF-8 bytes of this text.
 * Non-finite numbers, undefined array items, functions, symbols and bigints are refused.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
      // JSON.stringify already gives ECMAScript's Number::toString (and "0" for -0), as RFC 8785 asks.
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value
          .map((v) => {
            if (v === undefined) throw new TypeError("canonicalJson: undefined array item");
            return canonicalJson(v);
          })
          .join(",")}]`;
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        // Default sort compares UTF-16 code units, which is what RFC 8785 specifies.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

/** The bytes a signature covers. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}
