import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "../services/auth.server";
import { providerLogoutUrl } from "../services/oidc.server";
import { siteOrigin } from "../utils/oidc-cookie.server";
import { clearedSessionCookie, sessionTokenOf } from "../utils/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = sessionTokenOf(request);
  if (!token) return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
  // A session that came from an organization's provider ends there too (RP-initiated logout,
  // issue #22): the next person at this computer cannot sign straight back in through it.
  const providerLogout = await providerLogoutUrl({
    db: context.db,
    sessionToken: token,
    postLogoutRedirectUri: `${siteOrigin(request)}/`,
  });
  await signOut(context.db, token, new Date());
  return redirect(providerLogout ?? "/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export async function loader() {
  return redirect("/");
}
