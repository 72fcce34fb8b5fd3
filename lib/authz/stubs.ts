import type { Viewer } from "@/lib/auth";

/**
 * What the authorization and fuzz suites stub, defined once: who is asking (the session behind
 * lib/auth), and the two pieces of Next's request context that do not exist outside a request (the
 * cookie jar, empty; path revalidation, a no-op). vitest needs `vi.mock` in each test file, so each
 * one calls the factories below from its own `vi.mock(…, async () => (await import(…)).…())`; the
 * state lives in this module, which both the mocks and the test import, so they share it.
 */

/** Who the stubbed session says is asking; null when signed out. */
export const asking = { viewer: null as Viewer | null };

/** Every call of the stubbed Auth.js `signIn`, in order: `[provider, options]`. */
export const signInCalls: unknown[][] = [];

export const authHandlers = { GET: async () => new Response(null), POST: async () => new Response(null) };

export function resetStubs() {
  asking.viewer = null;
  signInCalls.length = 0;
}

export const authStub = () => ({
  getViewer: async () => asking.viewer,
  auth: async () => (asking.viewer ? { user: { id: asking.viewer.id, email: asking.viewer.email } } : null),
  requireUser: async () => {
    if (!asking.viewer) throw new Error("requireUser called while signed out");
    return asking.viewer;
  },
  signIn: async (...args: unknown[]) => {
    signInCalls.push(args);
  },
  signOut: async () => undefined,
  handlers: authHandlers,
  oauthProviders: [{ id: "github", name: "GitHub" }],
});

// lib/auth is stubbed, so Auth.js itself never runs; sign-in only needs its error class.
export const nextAuthStub = () => ({ AuthError: class AuthError extends Error {} });

export const nextHeadersStub = () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
});

export const nextCacheStub = () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined });
