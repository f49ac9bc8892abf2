// Where each catchment area is: the counties, regions, districts and larger municipalities a person
// may type to find their SSM (issue #18). Every entry names the public source that places it; what no
// readable source settled is listed at the end (UNSETTLED_PLACES), and the look-up says so for those
// rather than guess. Read by app/services/place-lookup.server.ts; matched by app/domain/place-lookup.ts.
//
// How the sources are used: the ministry's roll-out table (EOPG) names the 15 catchment areas. An area
// named for a city or a regional municipality (Peel, Halton, York, Durham, Ottawa, London, Toronto)
// is taken to cover it, and that region's municipalities come from a page that lists them. The places
// an area is named for (Kingston and Pembroke, Kitchener, Waterloo and Barrie, …) are placed by the
// name alone. Other entries cite a page that puts the place in the area.

export const PLACE_SOURCES = {
  eopg: {
    title: "Employment Ontario Partners' Gateway: Province-wide Rollout (catchment areas and their SSMs)",
    url: "https://eopg.labour.gov.on.ca/en/programs/integrated-employment-services/questions-and-answers/province-wide-rollout",
  },
  amo2019: {
    title: "AMO policy update, 2 July 2019: New employment services prototype regions",
    url: "http://www.amo.on.ca/AMO-Content/Policy-Updates/2019/NewEmploymentServicesPrototypeRegions.aspx",
  },
  windsorSarnia2023: {
    title:
      "CTV News (iHeartRadio), 9 March 2023: Province expands Employment Ontario services to Windsor, Chatham and Sarnia",
    url: "https://www.iheartradio.ca/ctv-news-content/province-expands-employment-ontario-services-to-windsor-chatham-and-sarnia-1.19350104",
  },
  northeastConsortium: {
    title: "Manitoulin-Sudbury DSB: Collège Boréal named employment services centre for the Northeast",
    url: "https://msdsb.net/admin-news-media/college-boreal-named-employment-services-centre-for-northeast",
  },
  peelRegion: {
    title: "Wikipedia: Regional Municipality of Peel (Mississauga, Brampton, Caledon)",
    url: "https://en.wikipedia.org/wiki/Regional_Municipality_of_Peel",
  },
  haltonRegion: {
    title: "Wikipedia: Regional Municipality of Halton (Burlington, Oakville, Milton, Halton Hills)",
    url: "https://en.wikipedia.org/wiki/Regional_Municipality_of_Halton",
  },
  yorkRegion: {
    title: "Wikipedia: Regional Municipality of York (its nine municipalities)",
    url: "https://en.wikipedia.org/wiki/Regional_Municipality_of_York",
  },
  durhamRegion: {
    title: "Invest Durham: Government administration (Durham's eight area municipalities)",
    url: "https://www.investdurham.ca/BusinessResources/GovernmentAdministration.aspx",
  },
} as const;

export type PlaceSourceId = keyof typeof PLACE_SOURCES;

export interface CatchmentPlaceSeed {
  /** English name first; then the French name and other spellings people use. */
  names: readonly string[];
  kind: "municipality" | "county" | "region" | "district";
  areaSlug: string;
  source: PlaceSourceId;
}

const place = (
  areaSlug: string,
  kind: CatchmentPlaceSeed["kind"],
  source: PlaceSourceId,
  ...names: string[]
): CatchmentPlaceSeed => ({ names, kind, areaSlug, source });

export const CATCHMENT_PLACES: readonly CatchmentPlaceSeed[] = [
  // Hamilton–Niagara Peninsula: AMO names its parts; Haldimand County is not among them (see below).
  place("hamilton-niagara", "municipality", "amo2019", "Hamilton"),
  place("hamilton-niagara", "county", "amo2019", "Brant County", "Comté de Brant", "Brant"),
  place("hamilton-niagara", "municipality", "amo2019", "Brantford"),
  place("hamilton-niagara", "county", "amo2019", "Norfolk County", "Comté de Norfolk", "Norfolk"),
  place("hamilton-niagara", "region", "amo2019", "Niagara Region", "Région de Niagara", "Niagara", "Niagara Peninsula"),
  // Muskoka–Kawarthas.
  place("muskoka-kawarthas", "district", "amo2019", "District of Muskoka", "District de Muskoka", "Muskoka"),
  place("muskoka-kawarthas", "municipality", "amo2019", "Kawartha Lakes", "City of Kawartha Lakes"),
  place("muskoka-kawarthas", "county", "amo2019", "Haliburton County", "Comté de Haliburton", "Haliburton"),
  place("muskoka-kawarthas", "county", "amo2019", "Peterborough County", "Comté de Peterborough", "Peterborough"),
  place("muskoka-kawarthas", "county", "amo2019", "Northumberland County", "Comté de Northumberland", "Northumberland"),
  // Peel.
  place("peel", "region", "eopg", "Peel Region", "Région de Peel", "Peel"),
  place("peel", "municipality", "peelRegion", "Mississauga"),
  place("peel", "municipality", "peelRegion", "Brampton"),
  place("peel", "municipality", "peelRegion", "Caledon"),
  // Halton.
  place("halton", "region", "eopg", "Halton Region", "Région de Halton", "Halton"),
  place("halton", "municipality", "haltonRegion", "Burlington"),
  place("halton", "municipality", "haltonRegion", "Oakville"),
  place("halton", "municipality", "haltonRegion", "Milton"),
  place("halton", "municipality", "haltonRegion", "Halton Hills"),
  // York.
  place("york", "region", "eopg", "York Region", "Région de York", "York"),
  place("york", "municipality", "yorkRegion", "Aurora"),
  place("york", "municipality", "yorkRegion", "East Gwillimbury"),
  place("york", "municipality", "yorkRegion", "Georgina"),
  place("york", "municipality", "yorkRegion", "King", "King Township"),
  place("york", "municipality", "yorkRegion", "Markham"),
  place("york", "municipality", "yorkRegion", "Newmarket"),
  place("york", "municipality", "yorkRegion", "Richmond Hill"),
  place("york", "municipality", "yorkRegion", "Vaughan"),
  place("york", "municipality", "yorkRegion", "Whitchurch-Stouffville", "Stouffville"),
  // Durham.
  place("durham", "region", "eopg", "Durham Region", "Région de Durham", "Durham"),
  place("durham", "municipality", "durhamRegion", "Ajax"),
  place("durham", "municipality", "durhamRegion", "Brock"),
  place("durham", "municipality", "durhamRegion", "Clarington"),
  place("durham", "municipality", "durhamRegion", "Oshawa"),
  place("durham", "municipality", "durhamRegion", "Pickering"),
  place("durham", "municipality", "durhamRegion", "Scugog"),
  place("durham", "municipality", "durhamRegion", "Uxbridge"),
  place("durham", "municipality", "durhamRegion", "Whitby"),
  // Areas named for their cities (EOPG's table).
  place("kingston-pembroke", "municipality", "eopg", "Kingston"),
  place("kingston-pembroke", "municipality", "eopg", "Pembroke"),
  place("stratford-bruce", "municipality", "eopg", "Stratford"),
  place(
    "stratford-bruce",
    "county",
    "eopg",
    "Bruce County",
    "Comté de Bruce",
    "Bruce",
    "Bruce Peninsula",
    "Péninsule de Bruce",
  ),
  place("kitchener-waterloo-barrie", "municipality", "eopg", "Kitchener"),
  place("kitchener-waterloo-barrie", "municipality", "eopg", "Waterloo", "Region of Waterloo", "Région de Waterloo"),
  place("kitchener-waterloo-barrie", "municipality", "eopg", "Barrie"),
  place("london", "municipality", "eopg", "London"),
  place("ottawa", "municipality", "eopg", "Ottawa"),
  place("toronto", "municipality", "eopg", "Toronto"),
  // Windsor–Sarnia: the area's name, and the 2023 announcement of its parts.
  place("windsor-sarnia", "municipality", "eopg", "Windsor"),
  place("windsor-sarnia", "municipality", "eopg", "Sarnia"),
  place("windsor-sarnia", "county", "windsorSarnia2023", "Essex County", "Comté d'Essex", "Essex", "Windsor-Essex"),
  place("windsor-sarnia", "municipality", "windsorSarnia2023", "Chatham-Kent", "Chatham"),
  place(
    "windsor-sarnia",
    "county",
    "windsorSarnia2023",
    "Lambton County",
    "Comté de Lambton",
    "Lambton",
    "Sarnia-Lambton",
  ),
  // Northeast / Nord-Est: the members of the consortium Collège Boréal leads.
  place("northeast", "municipality", "northeastConsortium", "Greater Sudbury", "Grand Sudbury", "Sudbury"),
  place(
    "northeast",
    "municipality",
    "northeastConsortium",
    "Sault Ste. Marie",
    "Sault-Sainte-Marie",
    "Sault Sainte Marie",
  ),
  place("northeast", "district", "northeastConsortium", "Algoma District", "District d'Algoma", "Algoma"),
  place(
    "northeast",
    "district",
    "northeastConsortium",
    "Manitoulin-Sudbury District",
    "District de Manitoulin-Sudbury",
    "Manitoulin",
  ),
  place(
    "northeast",
    "district",
    "northeastConsortium",
    "Parry Sound District",
    "District de Parry Sound",
    "Parry Sound",
  ),
  place("northeast", "district", "northeastConsortium", "Nipissing District", "District de Nipissing", "Nipissing"),
  place(
    "northeast",
    "district",
    "northeastConsortium",
    "Timiskaming District",
    "District de Timiskaming",
    "Timiskaming",
  ),
  place("northeast", "district", "northeastConsortium", "Cochrane District", "District de Cochrane", "Cochrane"),
];

/**
 * Places people will type that no source we could read puts in one area. The look-up answers "we
 * cannot tell" for these and shows the list of areas; each stays here until a public source settles it.
 */
export const UNSETTLED_PLACES: readonly { names: readonly string[]; why: string }[] = [
  {
    names: ["Haldimand County", "Haldimand", "Comté de Haldimand"],
    why: "near Hamilton–Niagara; AMO 2019 does not list it",
  },
  { names: ["Grey County", "Grey", "Comté de Grey", "Owen Sound"], why: "no source names its area" },
  { names: ["Huron County", "Huron", "Comté de Huron", "Goderich"], why: "no source names its area" },
  {
    names: ["Perth County", "Perth", "Comté de Perth"],
    why: "Stratford is in Perth County, but no source places the county",
  },
  {
    names: ["Simcoe County", "Simcoe", "Comté de Simcoe", "Orillia"],
    why: "Barrie is placed by the area's name; the county is not",
  },
  { names: ["Wellington County", "Wellington", "Guelph"], why: "no source names its area" },
  { names: ["Dufferin County", "Dufferin", "Orangeville"], why: "no source names its area" },
  { names: ["Cambridge"], why: "in the Region of Waterloo, but no source names Cambridge's area" },
  {
    names: [
      "Middlesex County",
      "Middlesex",
      "Elgin County",
      "Elgin",
      "St. Thomas",
      "Oxford County",
      "Oxford",
      "Woodstock",
    ],
    why: "near London; no source names their area",
  },
  {
    names: ["Frontenac", "Lennox and Addington", "Hastings County", "Hastings", "Belleville", "Prince Edward County"],
    why: "near Kingston; no source names their area",
  },
  {
    names: ["Renfrew County", "Renfrew", "Lanark County", "Lanark", "Leeds and Grenville", "Brockville"],
    why: "no source names their area",
  },
  {
    names: ["Prescott and Russell", "Prescott-Russell", "Stormont, Dundas and Glengarry", "Cornwall", "Hawkesbury"],
    why: "eastern Ontario; no source names their area",
  },
  {
    names: ["Thunder Bay", "Kenora", "Rainy River", "Fort Frances", "Dryden"],
    why: "the Northwest's SSM and its districts are not confirmed in any source we could read",
  },
];
