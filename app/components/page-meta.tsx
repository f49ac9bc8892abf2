import { isRouteErrorResponse, Meta, UNSAFE_RemixContext, useLocation } from "@remix-run/react";
import { useContext } from "react";
// The router state Remix itself reads to render <Meta />: the one place where every route's action
// answer is visible from <head>. react-router-dom is the copy @remix-run/react is built on.
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import type { Translate } from "../i18n";

function showsErrors(data: unknown): boolean {
  if (typeof data !== "object" || data === null || !("errors" in data)) return false;
  const errors = (data as { errors: unknown }).errors;
  return typeof errors === "object" && errors !== null && Object.values(errors).some(Boolean);
}

/**
 * The page's <head> descriptors, with the title starting "Error: " ("Erreur : ") while a form on the
 * page shows errors (GOV.UK; WCAG 3.3.1): the first words a screen reader says on the new page.
 * Works without JavaScript too: the server renders it from the same answer the page shows.
 */
export function PageMeta({ t }: { t: Translate }) {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const remix = useContext(UNSAFE_RemixContext);
  const location = useLocation();
  // The error page's title is in the page's own language, which without the root's data (a 404)
  // only the document knows: a route's meta sees the address, not the remembered language, so a
  // French reader got an English title, and in the browser a title the French-only catalog wrote
  // differently from the server's (a hydration mismatch).
  const error = Object.values(state?.errors ?? {}).find(Boolean);
  if (error !== undefined) {
    const notFound = isRouteErrorResponse(error) && error.status === 404;
    return <title>{`${notFound ? t("error.notFound.title") : t("error.generic")} | ${t("site.name")}`}</title>;
  }
  const answers = [...Object.values(state?.actionData ?? {}), ...Object.values(state?.loaderData ?? {})];
  if (!state || !remix || !answers.some(showsErrors)) return <Meta />;
  // The same title <Meta /> would show: the deepest route's meta. Every route's meta is a title only.
  const matches = state.matches.map((m) => ({
    id: m.route.id,
    data: state.loaderData[m.route.id] as unknown,
    params: m.params,
    pathname: m.pathname,
    handle: m.route.handle as unknown,
    meta: [],
    error: undefined,
  }));
  let title: string | undefined;
  for (const match of matches) {
    const meta = remix.routeModules[match.id]?.meta;
    const descriptors =
      typeof meta === "function"
        ? meta({ data: match.data, params: match.params, location, matches, error: undefined })
        : (meta ?? []);
    for (const d of descriptors ?? []) if (d && "title" in d && typeof d.title === "string") title = d.title;
  }
  return <title>{`${t("error.titlePrefix")}${title ?? t("site.name")}`}</title>;
}
