/**
 * `{ field: true, … }` for a list of field names: a Prisma `select` or a zod `.pick()` mask. A list
 * of fields then has one home, and each query or schema that reads those fields is built from it.
 */
export const fieldMask = <const K extends string>(fields: readonly K[]) => Object.fromEntries(fields.map((f) => [f, true])) as { [P in K]: true };
