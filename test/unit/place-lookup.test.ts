import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CATCHMENT_AREAS } from "../../db/seed/catchment-areas";
import { CATCHMENT_PLACES, PLACE_SOURCES, UNSETTLED_PLACES } from "../../db/seed/catchment-places";
import { areaNamesAsPlaces, foldPlaceName, matchPlace, placeKey } from "../../app/domain/place-lookup";

const KNOWN = [...CATCHMENT_PLACES, ...areaNamesAsPlaces(CATCHMENT_AREAS)];
const lookUp = (query: string) => matchPlace(query, KNOWN, UNSETTLED_PLACES);

describe("finding a client's area by the place they live", () => {
  // One place a client might type per area, beyond the area's own name where a source allows.
  const TYPED: Record<string, string> = {
    "hamilton-niagara": "Niagara Region",
    "muskoka-kawarthas": "Peterborough",
    peel: "Mississauga",
    halton: "Oakville",
    "kingston-pembroke": "Kingston",
    "stratford-bruce": "Comté de Bruce",
    york: "Markham",
    durham: "Oshawa",
    "kitchener-waterloo-barrie": "Barrie",
    london: "London",
    ottawa: "Ville d'Ottawa",
    "windsor-sarnia": "Chatham-Kent",
    northeast: "Grand Sudbury",
    northwest: "Nord-Ouest",
    toronto: "City of Toronto",
  };

  it.each(CATCHMENT_AREAS.map((a) => [a.slug, a] as const))("a place typed for %s resolves to it", (slug, area) => {
    expect(lookUp(TYPED[slug]!)).toMatchObject({ kind: "found", areaSlug: slug });
    expect(lookUp(area.name_en)).toMatchObject({ kind: "found", areaSlug: slug });
    expect(lookUp(area.name_fr)).toMatchObject({ kind: "found", areaSlug: slug });
  });

  it("places every name in the table in its own area, and no name in two areas", () => {
    for (const place of CATCHMENT_PLACES) {
      for (const name of place.names) {
        expect(lookUp(name), name).toMatchObject({ kind: "found", areaSlug: place.areaSlug });
      }
    }
  });

  it("names a readable public source for every entry", () => {
    for (const place of CATCHMENT_PLACES) expect(PLACE_SOURCES[place.source].url).toMatch(/^https?:\/\//);
  });

  it("says it cannot tell, rather than guess, for a place no source settles", () => {
    expect(lookUp("Guelph")).toEqual({ kind: "unsettled", place: "Wellington County", areaSlugs: [] });
    expect(lookUp("thunder bay")).toMatchObject({ kind: "unsettled" });
    for (const doubt of UNSETTLED_PLACES) {
      for (const name of doubt.names) expect(lookUp(name).kind, name).toBe("unsettled");
    }
  });

  it("says when it does not know a place, and when nothing was typed", () => {
    expect(lookUp("Springfield")).toEqual({ kind: "unknown" });
    expect(lookUp("   ")).toEqual({ kind: "empty" });
  });

  it("reads the kind of place around the name in either language", () => {
    expect(lookUp("Region of Durham")).toMatchObject({ kind: "found", areaSlug: "durham" });
    expect(lookUp("Région de Peel")).toMatchObject({ kind: "found", areaSlug: "peel" });
    expect(lookUp("Town of Whitby, Ontario")).toMatchObject({ kind: "found", areaSlug: "durham" });
    expect(lookUp("Sault-Sainte-Marie")).toMatchObject({ kind: "found", areaSlug: "northeast" });
    expect(lookUp("Kingston–Pembroke")).toMatchObject({ kind: "found", areaSlug: "kingston-pembroke" });
  });

  // Accents and case never change the answer: "Péninsule de Bruce", "PENINSULE DE BRUCE" and
  // "péNinsule de bruce" are one place.
  it("ignores accents and case (property)", () => {
    const names = KNOWN.flatMap((p) => p.names.map((n) => [n, p.areaSlug] as const));
    const accents: Record<string, string[]> = {
      e: ["é", "è", "ê", "ë"],
      a: ["à", "â"],
      i: ["î", "ï"],
      o: ["ô"],
      u: ["ù", "û"],
      c: ["ç"],
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.infiniteStream(fc.tuple(fc.boolean(), fc.nat(3))),
        ([name, slug], choices) => {
          const it = choices[Symbol.iterator]();
          const varied = [...foldPlaceName(name)]
            .map((ch) => {
              const [upper, pick] = it.next().value as [boolean, number];
              const options = accents[ch];
              const accented = options ? options[pick % options.length]! : ch;
              return upper ? accented.toUpperCase() : accented;
            })
            .join("");
          expect(placeKey(varied)).toBe(placeKey(name));
          expect(lookUp(varied)).toMatchObject({ kind: "found", areaSlug: slug });
        },
      ),
      { numRuns: 500 },
    );
  });
});
