import { z } from "zod";
import { requiredText } from "@/lib/validation/safe-text";

/** Inputs of the API key actions (lib/api-keys/actions.ts). */
export const issueApiKeySchema = z.object({ name: requiredText(80) });
export const apiKeyIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
