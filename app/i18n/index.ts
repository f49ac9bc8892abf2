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

export function otherLanguage(language: Language): Language {
  return language === "en" ? "fr" : "en";
}

/** BCP 47 locale for dates and numbers: Canadian English or Canadian French. */
export function localeOf(language: Language): string {
  return language === "fr" ? "fr-CA" : "en-CA";
}
