import { vi } from "vitest";
import { currentTestUser } from "./session";

// Auth.js cannot run outside a request: the session comes from tests/support/session.ts.
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const user = currentTestUser();
    return user ? { user, expires: new Date(Date.now() + 3600_000).toISOString() } : null;
  },
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));

// Cache revalidation needs a request context; in tests it is a no-op that can be asserted on.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Page gates call redirect()/forbidden(); make them observable throws.
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  },
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

// Request headers outside a request: a client at a fixed socket address (lib/request/client-address.ts).
// Files that need other addresses mock next/headers themselves.
vi.mock("next/headers", async () => {
  const { peerHeaders } = await import("./peer");
  return {
    headers: async () => new Headers(peerHeaders("192.0.2.10")),
    cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  };
});
