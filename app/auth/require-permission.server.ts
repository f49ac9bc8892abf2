import { redirect } from "@remix-run/node";
import type { Actor, Permission } from "../domain/access";
import { actorOf, authorize } from "../services/access.server";
import type { SessionUser } from "../services/auth.server";
import { getDb } from "../utils/db.server";
import { notFound } from "../utils/http.server";
import { getOptionalUser } from "./session.server";

/**
 * For loaders and actions: the signed-in person, if their role grants the permission (or one of
 * the permissions). Not signed in: to the sign-in page. Signed in without it: 404, so a page's
 * existence is not confirmed to those who may not use it. Scope (whose case, which area) is
 * checked by the service the route calls, through the same gate.
 */
export async function requirePermission(
  request: Request,
  permission: Permission | readonly Permission[],
): Promise<{ user: SessionUser; actor: Actor }> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const actor = await actorOf(getDb(), user);
  const wanted: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (!wanted.some((p) => authorize(actor, p))) throw notFound();
  return { user, actor };
}
