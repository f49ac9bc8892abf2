import { describe, it, expect } from "vitest";
import { en, type MessageKey } from "../../app/i18n/en";
import { fr } from "../../app/i18n/fr";
import { isLanguage, localeOf, otherLanguage, translator } from "../../app/i18n";
import { formatDateTime } from "../../app/utils/format-date";

const catalogs = { en: en as Record<string, unknown>, fr: fr as Record<string, unknown> };
const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();

describe("message catalogs", () => {
  it("have the same keys in English and French", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(["en", "fr"] as const)("every %s message is a non-empty string", (language) => {
    for (const [key, value] of Object.entries(catalogs[language])) {
      expect(typeof value, key).toBe("string");
      expect((value as string).trim(), key).not.toBe("");
    }
  });

  it("use the same {placeholders} in both languages", () => {
    const mismatches = Object.keys(en)
      .map((key) => ({
        key,
        en: placeholders(String(catalogs.en[key])),
        fr: placeholders(String(catalogs.fr[key] ?? "")),
      }))
      .filter((m) => m.en.join() !== m.fr.join());
    expect(mismatches).toEqual([]);
  });

  it("have no unbalanced braces that would show up as literal text", () => {
    for (const language of ["en", "fr"] as const) {
      for (const [key, value] of Object.entries(catalogs[language])) {
        const stripped = String(value).replace(/\{\w+\}/g, "");
        expect(stripped, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("translator", () => {
  it("returns the message in the chosen language", () => {
    expect(translator("en")("nav.home")).toBe("Home");
    expect(translator("fr")("nav.home")).toBe("Accueil");
  });

  it("fills variables in both languages", () => {
    expect(translator("en")("nav.signedInAs", { name: "Ana" })).toBe("Signed in as Ana");
    expect(translator("fr")("nav.signedInAs", { name: "Ana" })).toBe("Connecté en tant que Ana");
  });

  it("fills numbers and every occurrence, and leaves unknown placeholders visible", () => {
    const key = "email.reminder.body" satisfies MessageKey;
    const filled = translator("en")(key, { clock: "acknowledge", reference: "HAM-2026-000123", date: "Nov 25" });
    expect(filled).toBe("The deadline “acknowledge” for case HAM-2026-000123 is Nov 25.");
    expect(translator("en")(key, { clock: "x" })).toContain("{reference}");
  });

  it("fills every placeholder of every message when all variables are given", () => {
    for (const language of ["en", "fr"] as const) {
      const t = translator(language);
      for (const key of Object.keys(en) as MessageKey[]) {
        const names = placeholders(en[key]).map((p) => p.slice(1, -1));
        const vars = Object.fromEntries(names.map((n, i) => [n, `«${i}»`]));
        expect(t(key, vars), `${language} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe("language helpers", () => {
  it("recognise en and fr only, swap them, and give Canadian locales", () => {
    expect(isLanguage("en")).toBe(true);
    expect(isLanguage("fr")).toBe(true);
    expect(isLanguage("de")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
    expect(otherLanguage("en")).toBe("fr");
    expect(otherLanguage("fr")).toBe("en");
    expect(localeOf("en")).toBe("en-CA");
    expect(localeOf("fr")).toBe("fr-CA");
  });
});

describe("a time at the end of a sentence", () => {
  // en-CA writes "p.m.": a message that ends "…by {date}." must not read "p.m.." (issue #19).
  it("ends with one period", () => {
    const date = formatDateTime("2026-12-14T21:30:00.000Z", "en");
    expect(date).toMatch(/p\.m\.$/);
    const said = translator("en")("conversation.next.client.decision", { date });
    expect(said).toBe(`We will give you a decision by ${date}`);
    expect(said).not.toMatch(/\.\.$/);
  });

  it("keeps the period after a value that has none", () => {
    expect(translator("en")("conversation.next.client.decision", { date: "Monday" })).toBe(
      "We will give you a decision by Monday.",
    );
    expect(translator("fr")("conversation.next.client.decision", { date: "14 déc. 2026 16 h 30" })).toMatch(
      /16 h 30\.$/,
    );
  });
});
