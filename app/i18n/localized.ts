import type { Language } from "../domain/vocabulary";

/** A record that stores one thing in both languages: `name_en` and `name_fr`, `ssm_en` and `ssm_fr`. */
export type Bilingual<Field extends string, Value = string> = { [K in `${Field}_${Language}`]: Value };

/** The `field` of a bilingual record in the reader's language: localized(area, "ssm", "fr") is area.ssm_fr. */
export function localized<Field extends string, Row extends Bilingual<Field, unknown>>(
  record: Row,
  field: Field,
  language: Language,
): Row[`${Field}_en`] | Row[`${Field}_fr`] {
  return language === "fr" ? record[`${field}_fr` as const] : record[`${field}_en` as const];
}

/** An organization's, area's or provider's name in the reader's language. */
export function nameIn<Row extends Bilingual<"name", unknown>>(
  record: Row,
  language: Language,
): Row["name_en"] | Row["name_fr"] {
  return localized(record, "name", language);
}
