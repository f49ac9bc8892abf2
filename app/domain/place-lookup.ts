// Finding a client's catchment area from the place they type: a town, city, county, region or
// district, in English or French, with or without accents, in any case. The table of places is data
// (db/seed/catchment-places.ts) handed in; this module only compares names. Where the table cannot
// settle a place (no public source, or two areas claim the name), the answer says so rather than guess.

export interface KnownPlace {
  /** Every name the place goes by, English and French (the first is shown). */
  names: readonly string[];
  areaSlug: string;
}

export interface UnsettledPlace {
  names: readonly string[];
}

export type PlaceMatch =
  | { kind: "empty" }
  | { kind: "found"; areaSlug: string; place: string }
  | { kind: "unsettled"; place: string; areaSlugs: string[] }
  | { kind: "unknown" };

// Words that name what a place is rather than which place it is: "City of Ottawa", "Ville d'Ottawa",
// "Comté de Bruce" and "Bruce County" are all Bruce or Ottawa.
const KIND_WORDS = new Set([
  "city",
  "town",
  "township",
  "municipality",
  "county",
  "counties",
  "united",
  "region",
  "regional",
  "district",
  "of",
  "the",
  "ville",
  "cite",
  "canton",
  "municipalite",
  "comte",
  "comtes",
  "unis",
  "region",
  "regionale",
  "district",
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "d",
  "l",
  "on",
  "ontario",
]);

/** Lower case, accents dropped, punctuation and dashes as spaces: "Trois–Rivières" → "trois rivieres". */
export function foldPlaceName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The folded name without the words that only say what kind of place it is. */
export function placeKey(text: string): string {
  const words = foldPlaceName(text).split(" ").filter(Boolean);
  const kept = words.filter((w) => !KIND_WORDS.has(w));
  // "Region of Durham" keeps "durham"; a name made only of kind words ("The District") stays whole.
  return (kept.length ? kept : words).join(" ");
}

export function matchPlace(
  query: string,
  known: readonly KnownPlace[],
  unsettled: readonly UnsettledPlace[],
): PlaceMatch {
  const key = placeKey(query);
  if (!key) return { kind: "empty" };
  const hits = known.filter((p) => p.names.some((n) => placeKey(n) === key));
  const areas = [...new Set(hits.map((h) => h.areaSlug))];
  if (areas.length === 1) return { kind: "found", areaSlug: areas[0]!, place: hits[0]!.names[0]! };
  if (areas.length > 1) return { kind: "unsettled", place: hits[0]!.names[0]!, areaSlugs: areas };
  const doubt = unsettled.find((p) => p.names.some((n) => placeKey(n) === key));
  if (doubt) return { kind: "unsettled", place: doubt.names[0]!, areaSlugs: [] };
  return { kind: "unknown" };
}

/** An area's own names are places too: "Nord-Est", "Kingston–Pembroke", "Kingston Pembroke". */
export function areaNamesAsPlaces(areas: readonly { slug: string; name_en: string; name_fr: string }[]): KnownPlace[] {
  return areas.map((a) => ({ names: [a.name_en, a.name_fr], areaSlug: a.slug }));
}
