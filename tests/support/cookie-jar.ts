import { peerHeaders } from "./peer";

/**
 * One browser's cookies for tests that call actions and reads directly: what an action sets, the
 * next read sees. Use as `vi.mock("next/headers", async () => (await import("../support/cookie-jar")).nextHeaders)`.
 */
export const jar = new Map<string, string>();

export const nextHeaders = {
  headers: async () => new Headers(peerHeaders("192.0.2.10")),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
};
