import type { Label } from "../domain/label";
import type { Language } from "../domain/vocabulary";
import { serverCatalogs } from "./catalogs.server";
import type { MessageKey } from "./en";

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type Catalog = Record<MessageKey, string>;

// On the server both catalogs are here from the start; in the browser `serverCatalogs` is an empty
// module, and each catalog arrives as its own chunk through loadCatalog (decision 027).
const catalogs: Partial<Record<Language, Catalog>> = { ...(serverCatalogs as typeof serverCatalogs | undefined) };
const listeners = new Set<() => void>();
let version = 0;

/** Whether `language`'s messages are at hand (always on the server). */
export function hasCatalog(language: Language): boolean {
  return catalogs[language] !== undefined;
}

/** Fetches `language`'s catalog in the browser (a separate chunk per language); resolves once usable. */
export async function loadCatalog(language: Language): Promise<void> {
  if (catalogs[language]) return;
  const catalog = language === "fr" ? (await import("./fr")).fr : (await import("./en")).en;
  catalogs[language] = catalog;
  version += 1;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: re-render when a catalog arrives. */
export function subscribeCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function catalogsVersion(): number {
  return version;
}

/** The catalog of `language`, or while it is still on its way, one already loaded (never bare keys). */
function catalogFor(language: Language): Catalog | undefined {
  return catalogs[language] ?? catalogs[otherLanguage(language)];
}

export const LANGUAGES: readonly Language[] = ["en", "fr"];

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "fr";
}

export function translator(language: Language): Translate {
  return (key, vars) => {
    const catalog = catalogFor(language);
    const template = catalog ? catalog[key] : key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, period: string) => {
      if (!(name in vars)) return whole;
      const value = String(vars[name]);
      // "by 4:30 p.m." already ends the sentence: no "p.m.." when the message puts a period after it.
      return period && value.endsWith(".") ? value : value + period;
    });
  };
}

/** Whether the catalog has a message for `key` (a code may be newer than this release's messages). */
export function isMessageKey(key: string): key is MessageKey {
  // English and French have the same keys (test/unit/i18n.test.ts), so whichever catalog is loaded answers.
  const catalog = catalogFor("en");
  return catalog !== undefined && Object.prototype.hasOwnProperty.call(catalog, key);
}

/**
 * The message of `prefix.code` (a level, an outcome, an event type, a program read from stored
 * data), or the code itself when the catalog has none: a code newer than this release shows as
 * itself, never as an empty cell. Instead of casting a built string to MessageKey.
 */
export function codeText(
  t: Translate,
  prefix: string,
  code: string | number,
  vars?: Record<string, string | number>,
): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key, vars) : String(code);
}

/** `key` when the catalog has it, else `fallback`: for keys built from a refusal's reason. */
export function knownKey(key: string, fallback: MessageKey): MessageKey {
  return isMessageKey(key) ? key : fallback;
}

/** A domain Label in words, in the language `t` speaks. */
export function labelText(t: Translate, label: Label): string {
  if ("text" in label) return label.text;
  if ("optionalKey" in label) {
    if (!isMessageKey(label.optionalKey)) return label.fallback;
    const words = t(label.optionalKey);
    return label.capitalized ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : words;
  }
  if (!label.vars) return t(label.key);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(label.vars)) {
    vars[name] = typeof value === "object" ? labelText(t, value) : value;
  }
  return t(label.key, vars);
}

export function otherLanguage(language: Language): Language {
  return language === "en" ? "fr" : "en";
}

/** BCP 47 locale for dates and numbers: Canadian English or Canadian French. */
export function localeOf(language: Language): string {
  return language === "fr" ? "fr-CA" : "en-CA";
}
