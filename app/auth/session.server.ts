import { userForSessionToken, type SessionUser } from "../services/auth.server";
import { getDb } from "../utils/db.server";
import { sessionTokenOf } from "../utils/session.server";
import { noteRole } from "../utils/request-facts.server";

/**
 * The signed-in person, or null. It asks the auth service, so it lives with auth and not in
 * app/utils, which sits below the services (the cookie itself is app/utils/session.server.ts's).
 */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const token = sessionTokenOf(request);
  const user = token ? await userForSessionToken(getDb(), token, new Date()) : null;
  // The request log line names the role, never the person (server.ts).
  if (user) noteRole(user.role);
  return user;
}
