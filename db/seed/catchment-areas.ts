// The 15 Employment Ontario catchment areas and their SSMs (shared/domain.md). Where the SSM is not
// confirmed, a clearly fictional demo organization stands in. Contact details are placeholders
// (example.org, 555 numbers) until each SSM enters its own in the admin screens.

export interface CatchmentAreaSeed {
  slug: string;
  code: string;
  name_en: string;
  name_fr: string;
  phase: "prototype" | "1" | "2" | "3";
  ssm_en: string;
  ssm_fr: string;
  ssm_confirmed: boolean;
  ssm_responsible_from: string | null;
  ies_from: string | null;
  city: string;
  areaCode: string;
}

export const CATCHMENT_AREAS: CatchmentAreaSeed[] = [
  { slug: "hamilton-niagara", code: "HAM", name_en: "Hamilton–Niagara Peninsula", name_fr: "Hamilton–Péninsule du Niagara", phase: "prototype", ssm_en: "Fedcap Canada", ssm_fr: "Fedcap Canada", ssm_confirmed: true, ssm_responsible_from: "2020-01-01", ies_from: "2021-01-01", city: "Hamilton", areaCode: "905" },
  { slug: "muskoka-kawarthas", code: "MUS", name_en: "Muskoka–Kawarthas", name_fr: "Muskoka–Kawarthas", phase: "prototype", ssm_en: "Fleming College", ssm_fr: "Collège Fleming", ssm_confirmed: true, ssm_responsible_from: "2020-01-01", ies_from: "2021-01-01", city: "Peterborough", areaCode: "705" },
  { slug: "peel", code: "PEL", name_en: "Peel", name_fr: "Peel", phase: "prototype", ssm_en: "WCG International Consultants", ssm_fr: "WCG International Consultants", ssm_confirmed: true, ssm_responsible_from: "2020-01-01", ies_from: "2021-01-01", city: "Mississauga", areaCode: "905" },
  { slug: "halton", code: "HAL", name_en: "Halton", name_fr: "Halton", phase: "1", ssm_en: "Fedcap Canada", ssm_fr: "Fedcap Canada", ssm_confirmed: true, ssm_responsible_from: "2022-04-01", ies_from: "2023-04-01", city: "Oakville", areaCode: "905" },
  { slug: "kingston-pembroke", code: "KIN", name_en: "Kingston–Pembroke", name_fr: "Kingston–Pembroke", phase: "1", ssm_en: "Serco Canada", ssm_fr: "Serco Canada", ssm_confirmed: true, ssm_responsible_from: "2022-09-01", ies_from: "2023-10-01", city: "Kingston", areaCode: "613" },
  { slug: "stratford-bruce", code: "STR", name_en: "Stratford–Bruce Peninsula", name_fr: "Stratford–Péninsule de Bruce", phase: "1", ssm_en: "County of Bruce", ssm_fr: "Comté de Bruce", ssm_confirmed: true, ssm_responsible_from: "2022-04-01", ies_from: "2023-04-01", city: "Stratford", areaCode: "519" },
  { slug: "york", code: "YRK", name_en: "York", name_fr: "York", phase: "1", ssm_en: "WCG International Consultants", ssm_fr: "WCG International Consultants", ssm_confirmed: true, ssm_responsible_from: "2022-04-01", ies_from: "2023-04-01", city: "Newmarket", areaCode: "905" },
  { slug: "durham", code: "DUR", name_en: "Durham", name_fr: "Durham", phase: "2", ssm_en: "Region of Durham", ssm_fr: "Région de Durham", ssm_confirmed: true, ssm_responsible_from: "2023-02-01", ies_from: "2024-01-01", city: "Oshawa", areaCode: "905" },
  { slug: "kitchener-waterloo-barrie", code: "KWB", name_en: "Kitchener–Waterloo–Barrie", name_fr: "Kitchener–Waterloo–Barrie", phase: "2", ssm_en: "Serco Canada", ssm_fr: "Serco Canada", ssm_confirmed: true, ssm_responsible_from: "2023-02-01", ies_from: "2024-01-01", city: "Kitchener", areaCode: "519" },
  { slug: "london", code: "LON", name_en: "London", name_fr: "London", phase: "2", ssm_en: "City of London", ssm_fr: "Ville de London", ssm_confirmed: true, ssm_responsible_from: "2023-02-01", ies_from: "2024-01-01", city: "London", areaCode: "519" },
  { slug: "ottawa", code: "OTT", name_en: "Ottawa", name_fr: "Ottawa", phase: "2", ssm_en: "WCG International Consultants", ssm_fr: "WCG International Consultants", ssm_confirmed: true, ssm_responsible_from: "2023-02-01", ies_from: "2024-01-01", city: "Ottawa", areaCode: "613" },
  { slug: "windsor-sarnia", code: "WIN", name_en: "Windsor–Sarnia", name_fr: "Windsor–Sarnia", phase: "2", ssm_en: "City of Windsor", ssm_fr: "Ville de Windsor", ssm_confirmed: true, ssm_responsible_from: "2023-02-01", ies_from: "2024-01-01", city: "Windsor", areaCode: "519" },
  { slug: "northeast", code: "NEA", name_en: "Northeast", name_fr: "Nord-Est", phase: "3", ssm_en: "Collège Boréal (consortium)", ssm_fr: "Collège Boréal (consortium)", ssm_confirmed: true, ssm_responsible_from: null, ies_from: null, city: "Sudbury", areaCode: "705" },
  { slug: "northwest", code: "NWE", name_en: "Northwest", name_fr: "Nord-Ouest", phase: "3", ssm_en: "Northwest Demo SSM (fictional)", ssm_fr: "GSS de démonstration du Nord-Ouest (fictif)", ssm_confirmed: false, ssm_responsible_from: null, ies_from: null, city: "Thunder Bay", areaCode: "807" },
  { slug: "toronto", code: "TOR", name_en: "Toronto", name_fr: "Toronto", phase: "3", ssm_en: "Toronto Demo SSM (fictional)", ssm_fr: "GSS de démonstration de Toronto (fictif)", ssm_confirmed: false, ssm_responsible_from: null, ies_from: null, city: "Toronto", areaCode: "416" },
];

export const MINISTRY = {
  slug: "mlitsd",
  name_en: "Ministry of Labour, Immigration, Training and Skills Development",
  name_fr: "Ministère du Travail, de l’Immigration, de la Formation et du Développement des compétences",
  contact_email: null,
  // The Employment Ontario Contact Centre: where people are sent for programs the ministry keeps.
  contact_phone: "1-800-387-5656",
};

export function ssmSlug(areaSlug: string): string {
  return `ssm-${areaSlug}`;
}
