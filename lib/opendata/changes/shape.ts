import type { z } from "zod";
import type { changeSchema } from "../schemas/response";

/**
 * One public change, as /api/v1/changes, the Atom feeds and the release changelog describe it.
 * Two sources: audit events of public entities (reduced to public fields by lib/public/fields.ts —
 * contacts, figures and reasons typed by officers never appear) and dated official changes
 * (SchoolChange rows). The shape is the API's schema.
 */
export type PublicChangeEntry = z.output<typeof changeSchema>;
export type ChangeEntityType = PublicChangeEntry["entityType"];
