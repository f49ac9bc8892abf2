import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type RouteObject } from "react-router-dom";

/**
 * The route pattern an address falls under (`/cases/:reference`, never `/cases/DUR-2026-00042`): what
 * the request log and the metrics name a request by, so neither carries a reference, a token or a
 * search. Null for an address no route answers.
 */
export function routePatternMatcher(routes: ServerBuild["routes"]): (pathname: string) => string | null {
  const all = Object.values(routes);
  const tree = (parentId: string | undefined): RouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r): RouteObject =>
        r.index
          ? { id: r.id, index: true, path: r.path }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
      );
  const root = tree(undefined);
  return (pathname) => {
    // Remix's data requests (single fetch) ask for `<page>.data`.
    const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
    const matches = matchRoutes(root, page);
    if (!matches) return null;
    const last = matches[matches.length - 1]!;
    // Only the root matched (no page of its own): an address no route answers.
    if (matches.length === 1 && last.route.id === "root" && page !== "/") return null;
    return `/${matches
      .map((m) => m.route.path)
      .filter((p): p is string => Boolean(p))
      .join("/")}`.replace(/\/{2,}/g, "/");
  };
}
