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
  return Object.prototype.hasOwnProperty.call(en, key);
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
