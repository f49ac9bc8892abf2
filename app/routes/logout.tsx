import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { translator } from "../i18n";
import { signOut } from "../services/auth.server";
import { providerLogoutUrl } from "../services/oidc.server";
import { languageOf } from "../utils/language.server";
import { siteOrigin } from "../utils/oidc-cookie.server";
import { clearedSessionCookie, sessionTokenOf } from "../utils/session.server";
// The fingerprinted stylesheet the pages use (root.tsx): the build names it.
import stylesheet from "../styles.css";

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
  if (!providerLogout) return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
  return new Response(providerSignOutPage(providerLogout, languageOf(request)), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": clearedSessionCookie() },
  });
}

export async function loader() {
  return redirect("/");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Not a redirect: browsers hold a form's redirects to the page's form-action ('self'), and the
 * sign-out button is on every page. A page that moves on by itself (and its link) is no form's.
 */
function providerSignOutPage(target: string, language: "en" | "fr"): string {
  const t = translator(language);
  const url = escapeHtml(target);
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0;url=${url}">
<title>${escapeHtml(t("signOut.provider.title"))} – ${escapeHtml(t("site.name"))}</title>
<link rel="stylesheet" href="${stylesheet}">
</head>
<body>
<main id="main">
<h1>${escapeHtml(t("signOut.provider.title"))}</h1>
<p>${escapeHtml(t("signOut.provider.text"))}</p>
<p><a href="${url}">${escapeHtml(t("signOut.provider.continue"))}</a></p>
</main>
</body>
</html>
`;
}
