import type { Label } from "../domain/label";
import type { Language } from "../domain/vocabulary";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogs: Record<Language, Record<MessageKey, string>> = { en, fr };

export const LANGUAGES: readonly Language[] = ["en", "fr"];

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "fr";
}

export function translator(language: Language): Translate {
  const catalog = catalogs[language];
  return (key, vars) => {
    const template = catalog[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}

/** Whether the catalog has a message for `key` (a code may be newer than this release's messages). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
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
