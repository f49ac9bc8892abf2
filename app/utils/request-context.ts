import { createContext, useContext } from "react";
import type { Language } from "../domain/vocabulary";

/**
 * What entry.server knows about the request being rendered that a component needs even when no
 * loader ran: the Content-Security-Policy nonce (security-headers.server.ts) and the language the
 * request asked for. In the browser there is no provider: see each hook.
 */
export interface RequestRendering {
  nonce: string;
  language: Language;
  /** This request's id (server.ts), shown on the error page. */
  requestId: string;
}

export const RequestRenderingContext = createContext<RequestRendering | null>(null);

/**
 * This response's nonce, for every inline script. Empty in the browser: the scripts that need it
 * are rendered on the server only, and a browser hides a nonce from the page's own scripts anyway.
 */
export function useNonce(): string {
  return useContext(RequestRenderingContext)?.nonce ?? "";
}

/**
 * The language of the request, for the error page, which renders without the root loader's data
 * when an action or the root loader failed. In the browser: the language the page was written in.
 */
export function useRequestLanguage(): Language {
  const rendering = useContext(RequestRenderingContext);
  if (rendering) return rendering.language;
  return typeof document !== "undefined" && document.documentElement.lang === "fr" ? "fr" : "en";
}

/**
 * The request id shown on the error page. In the browser, the one the server wrote into the page
 * (the error page is hydrated with the same text); null after a navigation in the browser, whose
 * failed data request had its own id, which the page cannot know.
 */
export function useRequestId(): string | null {
  const rendering = useContext(RequestRenderingContext);
  if (rendering) return rendering.requestId;
  return typeof document !== "undefined" ? (document.getElementById("request-id")?.dataset.id ?? null) : null;
}
