/**
 * Routes of other features that the open-data document describes by hand: verification
 * (/api/v1/verify/**) and the published signing keys (/api/v1/keys/**), built by the public-lookup
 * feature. Filled in from their handlers' shapes.
 */
export type ExternalRoute = { path: string; item: Record<string, unknown> };

export const EXTERNAL_ROUTES: ExternalRoute[] = [];
