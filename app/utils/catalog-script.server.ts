import { readdirSync } from "node:fs";
import type { Language } from "../domain/vocabulary";

let found: Partial<Record<Language, string>> | null = null;

/**
 * The URL of `language`'s catalog chunk in the browser build (public/build/_shared/en-HASH.js), so
 * the page names it and the browser fetches it with the other scripts rather than once the entry
 * script has run (decision 027). Null when there is no build (dev, unit tests).
 */
export function catalogScriptFor(language: Language): string | null {
  if (found === null) {
    found = {};
    try {
      for (const name of readdirSync("public/build/_shared")) {
        const match = /^(en|fr)-[A-Z0-9]+\.js$/.exec(name);
        if (match) found[match[1] as Language] = `/build/_shared/${name}`;
      }
    } catch {
      // No browser build here: the entry script fetches the catalog itself.
    }
  }
  return found[language] ?? null;
}
