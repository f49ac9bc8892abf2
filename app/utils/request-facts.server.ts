import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the request log line says about who asked (issue #22): the role, never the person. Filled in
 * while Remix answers (app/auth/session.server.ts notes the role) and read by server.ts once the
 * answer is sent. One store per process, found under a global symbol: server.ts and the app build
 * are bundled apart and each carries its own copy of this module.
 */
export interface RequestFacts {
  role: string | null;
}

const KEY = Symbol.for("recourse.request-facts");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestFacts> };
const storage: AsyncLocalStorage<RequestFacts> = (holder[KEY] ??= new AsyncLocalStorage<RequestFacts>());

export function newRequestFacts(): RequestFacts {
  return { role: null };
}

export function withRequestFacts<T>(facts: RequestFacts, work: () => T): T {
  return storage.run(facts, work);
}

export function noteRole(role: string): void {
  const facts = storage.getStore();
  if (facts) facts.role = role;
}
