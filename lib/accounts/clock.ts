/**
 * Deprecated: the one clock is `clock` in lib/kernel/dates.ts. This re-export remains only until
 * lib/accounts/loaders.ts (edited by another hand) imports it from there; then delete this file.
 */
export { clock } from "@/lib/kernel/dates";
