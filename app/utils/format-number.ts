import type { Language } from "../domain/vocabulary";

// Figures are formatted by hand from Intl parts: browsers and Node ship different ICU data (fr-CA
// groups with U+00A0 in one and U+202F in another), and a mismatch would break hydration. Pages,
// charts and emails share this one formatter, so it imports nothing but the domain's vocabulary.

/** A count or a share (0.905 shown as a percentage). */
export type NumberFormat = "count" | "percent";

const GROUP = { en: ",", fr: "\u00A0" } as const;
const DECIMAL = { en: ".", fr: "," } as const;
const PERCENT = { en: "%", fr: "\u202F%" } as const; // French typography: narrow no-break space
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** "1,234" / "1 234"; "90.5%" / "90,5 %" (percent values are shares: 0.905). */
export function formatNumber(value: number, format: NumberFormat, language: Language): string {
  let nf = numberFormats.get(language);
  if (!nf) {
    nf = new Intl.NumberFormat(language === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 });
    numberFormats.set(language, nf);
  }
  const n = format === "percent" ? value * 100 : value;
  const text = nf
    .formatToParts(n)
    .map((p) => (p.type === "group" ? GROUP[language] : p.type === "decimal" ? DECIMAL[language] : p.value))
    .join("");
  return format === "percent" ? text + PERCENT[language] : text;
}
