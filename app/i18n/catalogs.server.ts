import type { Language } from "../domain/vocabulary";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

/**
 * Both catalogs, held statically for the server (emails, services, scripts, tests): Remix empties
 * `.server.ts` modules in the browser build, so the browser fetches only its page's language (see
 * decision 027).
 */
export const serverCatalogs: Record<Language, Record<MessageKey, string>> = { en, fr };
